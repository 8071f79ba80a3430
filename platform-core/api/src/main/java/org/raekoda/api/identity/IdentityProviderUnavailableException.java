package org.raekoda.api.identity;

/**
 * The identity provider that would prove a credential cannot be reached (its discovery document or keys cannot be
 * read): the platform cannot tell whether the credential is good. Not the caller's fault, so not a 401: the REST
 * layer answers 503 with {@code Retry-After}.
 */
public class IdentityProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
