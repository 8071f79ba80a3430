package org.raekoda.engine.internal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;

/**
 * Who may see and change an application. Every entry point asks here first, before it reads the body of the
 * request, so that a caller without the right learns nothing from a validation error.
 */
final class Access {

    /** What applicants do themselves; an officer who did any of it for the applicant does not decide. */
    private static final Set<String> APPLICANT_ACTIONS = Set.of("submitted", "answered", "withdrawn",
            "human-review-requested");

    private final ApplicationStore applications;
    private final Acting acting;
    private final Clock clock;

    Access(ApplicationStore applications, Acting acting, Clock clock) {
        this.applications = applications;
        this.acting = acting;
        this.clock = clock;
    }

    /**
     * The applicant, and whoever may act for them (a representative of the company, a mandatary), sees the
     * application; officers see their organization's; nobody else learns it exists.
     */
    ApplicationRow visible(Caller caller, String applicationId) {
        ApplicationRow row = applications.find(applicationId)
                .orElseThrow(() -> ApplicationException.notFound("application " + applicationId));
        boolean own = row.applicant().equals(caller.subject());
        boolean officer = caller.hasIn(row.organization(), Role.OFFICER);
        if (!own && !officer && !actsFor(caller, row)) {
            throw ApplicationException.notFound("application " + applicationId);
        }
        return row;
    }

    /** Whether the caller, not the applicant, may act for the applicant of this application. */
    boolean actsFor(Caller caller, ApplicationRow row) {
        return !row.applicant().equals(caller.subject()) && acting.mayActFor(caller, row.applicant(), row.service(),
                LocalDate.now(clock), clock.instant());
    }

    /** An application an officer of its organization acts on. */
    ApplicationRow forOfficer(Caller caller, String applicationId) {
        ApplicationRow row = visible(caller, applicationId);
        if (!(caller.hasIn(row.organization(), Role.OFFICER))) {
            throw ApplicationException.forbidden("only officers of " + row.organization() + " may do this");
        }
        return row;
    }

    /** An application its applicant acts on; {@code onlyTheApplicant} says what others may not do. */
    ApplicationRow forApplicant(Caller caller, String applicationId, String onlyTheApplicant) {
        ApplicationRow row = visible(caller, applicationId);
        if (!row.applicant().equals(caller.subject()) && !actsFor(caller, row)) {
            throw ApplicationException.forbidden(onlyTheApplicant);
        }
        return row;
    }

    /**
     * Whether an officer may decide, take on or confirm this application: never one they submitted themselves,
     * submitted for someone else, acted in for the applicant, or whose applicant they may act for.
     *
     * @param what what the officer is about to do, for the refusal's reason
     */
    void requireImpartial(Caller officer, ApplicationRow row, String what) {
        String me = officer.subject();
        boolean involved = row.applicant().equals(me) || me.equals(row.submittedBy())
                || applications.audit(row.id()).stream()
                        .anyMatch(line -> line.actor().equals(me) && APPLICANT_ACTIONS.contains(line.action()))
                || actsFor(officer, row);
        if (involved) {
            throw ApplicationException.forbidden("an officer does not " + what + " an application they submitted"
                    + " or acted in for the applicant; another officer of " + row.organization() + " does");
        }
    }

    /** The audit note of an applicant's action taken by someone acting for them. */
    static String onBehalf(Caller caller, ApplicationRow row) {
        return row.applicant().equals(caller.subject()) ? "" : "on behalf of " + row.applicant();
    }

    /** A subject the store can keep as applicant, assignee or decider (VARCHAR(128)); else 400. */
    static void requireStorableSubject(Caller caller) {
        if (caller.subject().length() > TextLimits.SUBJECT) {
            throw ApplicationException.invalid("The caller's subject is too long", List.of(
                    new FieldError("/subject", "at most " + TextLimits.SUBJECT + " characters")));
        }
    }

    /** Officers of an organization: for the queue and searches, which are not about one application. */
    static void requireOfficer(Caller caller, String refusal) {
        if (!caller.has(Role.OFFICER) || caller.organization() == null) {
            throw ApplicationException.forbidden(refusal);
        }
    }
}
