package org.raekoda.api.identity;

/**
 * Credentials that prove nothing: a token that is expired, not yet valid, wrongly signed, unsigned, for another
 * audience or from an issuer nobody configured; a session that ended. The REST layer answers 401. The message
 * says which check failed and never repeats the credential.
 */
public class InvalidCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException(String reason) {
        super(reason);
    }

    public InvalidCredentialsException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
