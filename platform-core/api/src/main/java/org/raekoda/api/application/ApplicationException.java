package org.raekoda.api.application;

import java.util.List;
import java.util.Locale;

import org.raekoda.api.eservice.LocalizedText;

/**
 * A request the platform refuses, with the reason for the caller. The REST layer maps each kind to
 * its HTTP status and an RFC 9457 problem document.
 */
public class ApplicationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Kind {
        /** 400: the input is wrong; {@link #fieldErrors()} says where. */
        INVALID,
        /** 403: the caller may not do this. */
        FORBIDDEN,
        /** 404: no such thing, or not visible to the caller. */
        NOT_FOUND,
        /** 409: not possible in the current state, or someone else changed it first. */
        CONFLICT,
        /** 413: the request is larger than the platform accepts. */
        TOO_LARGE,
        /**
         * 422: well-formed but cannot be processed as sent, such as an {@code Idempotency-Key} reused with
         * another body.
         */
        UNPROCESSABLE
    }

    /**
     * One wrong field.
     *
     * @param pointer JSON Pointer into the request body
     * @param message      what is wrong, for a person, in English
     * @param translations the same in the platform's languages, or null when there is only English
     */
    public record FieldError(String pointer, String message, LocalizedText translations) {

        public FieldError(String pointer, String message) {
            this(pointer, message, null);
        }

        /** The message in the first of the wanted languages it has, else {@link #message()}. */
        public String messageIn(List<Locale> wanted) {
            return translations == null ? message : translations.in(wanted);
        }
    }

    private final Kind kind;
    private final transient List<FieldError> fieldErrors;
    private final transient List<ApplicationState> allowedStates;

    public ApplicationException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public ApplicationException(Kind kind, String message, List<FieldError> fieldErrors) {
        this(kind, message, fieldErrors, List.of());
    }

    public ApplicationException(Kind kind, String message, List<FieldError> fieldErrors,
            List<ApplicationState> allowedStates) {
        super(message);
        this.kind = kind;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.allowedStates = List.copyOf(allowedStates);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** For a conflict with the application's state: the states it may move to from where it is now. */
    public List<ApplicationState> allowedStates() {
        return allowedStates;
    }

    public static ApplicationException notFound(String what) {
        return new ApplicationException(Kind.NOT_FOUND, what + " not found");
    }

    public static ApplicationException forbidden(String message) {
        return new ApplicationException(Kind.FORBIDDEN, message);
    }

    public static ApplicationException conflict(String message) {
        return new ApplicationException(Kind.CONFLICT, message);
    }

    /** The application cannot move to the state asked for; {@code allowed} are the states it can move to. */
    public static ApplicationException wrongState(String message, java.util.Collection<ApplicationState> allowed) {
        return new ApplicationException(Kind.CONFLICT, message, List.of(), List.copyOf(allowed));
    }

    public static ApplicationException tooLarge(String message) {
        return new ApplicationException(Kind.TOO_LARGE, message);
    }

    public static ApplicationException unprocessable(String message) {
        return new ApplicationException(Kind.UNPROCESSABLE, message);
    }

    public static ApplicationException invalid(String message, List<FieldError> errors) {
        return new ApplicationException(Kind.INVALID, message, errors);
    }
}
