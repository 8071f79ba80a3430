package org.raekoda.store.spi;

import java.time.Instant;

/**
 * A browser login that was begun and not yet completed: what the callback needs to finish it on any node.
 *
 * @param state        the OAuth 2.0 state sent to the provider; the key
 * @param provider     the configured provider's name
 * @param nonce        the OpenID Connect nonce the ID token must carry
 * @param codeVerifier the PKCE code verifier (RFC 7636)
 * @param returnTo     the local path to send the browser to afterwards
 * @param createdAt    when the login began; attempts expire after a few minutes
 */
public record LoginAttemptRow(String state, String provider, String nonce, String codeVerifier, String returnTo,
        Instant createdAt) {

    @Override
    public String toString() {
        return "LoginAttemptRow[" + provider + ", " + createdAt + "]";
    }
}
