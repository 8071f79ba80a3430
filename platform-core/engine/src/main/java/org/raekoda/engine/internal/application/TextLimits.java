package org.raekoda.engine.internal.application;

import java.util.List;

import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.LocalizedText;

/**
 * The longest texts the platform keeps, from the sizes of their database columns (changelog 0.1/002 and
 * later), so that a longer one is a 400 at its pointer before anything is written, never a database error.
 */
final class TextLimits {

    /** decision.reason and audit_event.detail: VARCHAR(2000). */
    static final int REASON = 2000;
    /** application.applicant, assignee, decision.decided_by, audit_event.actor: VARCHAR(128). */
    static final int SUBJECT = 128;
    /** application.idempotency_key: VARCHAR(128). */
    static final int IDEMPOTENCY_KEY = 128;
    /** The human-review request's note, kept in audit_event.detail. */
    static final int REVIEW_NOTE = 500;
    /** organization.id, application.organization_id and service_id: VARCHAR(64). */
    static final int ID = 64;
    /** A name in one language (organization names, local e-service titles; stored as JSON). */
    static final int NAME = 200;
    /** A description in one language (local e-service descriptions; stored as JSON). */
    static final int DESCRIPTION = 4000;
    /** A language tag such as {@code et} or {@code sv-FI}. */
    static final int LANGUAGE = 16;

    private TextLimits() {
    }

    /** Adds an error at {@code pointer} when {@code text} is longer than {@code max} characters. */
    static void check(List<FieldError> errors, String pointer, String text, int max) {
        if (text != null && text.length() > max) {
            errors.add(new FieldError(pointer, "at most " + max + " characters"));
        }
    }

    /** Adds an error per language whose tag or text is too long. */
    static void check(List<FieldError> errors, String pointer, LocalizedText texts, int max) {
        if (texts == null) {
            return;
        }
        texts.texts().forEach((language, text) -> {
            if (language.length() > LANGUAGE) {
                errors.add(new FieldError(pointer, "a language tag is at most " + LANGUAGE + " characters"));
            } else {
                check(errors, pointer + "/" + language, text, max);
            }
        });
    }
}
