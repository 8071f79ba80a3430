package org.raekoda.store.spi;

import java.time.Instant;

/**
 * An open browser session. The cookie's value is never stored, only its SHA-256.
 *
 * @param cookieHash    SHA-256 of the cookie value, hex; the key
 * @param csrfToken     what state-changing requests of the session must send back
 * @param provider      the configured provider the person logged in with
 * @param country       the person's country (ISO 3166-1 alpha-2)
 * @param code          the person's identification code there: personal data
 * @param name          the person's name as the provider gave it, or null
 * @param idToken       the provider's ID token, kept as the {@code id_token_hint} of RP-initiated logout
 * @param createdAt     when the session opened
 * @param idleExpiresAt when the session ends unless it is used before
 * @param expiresAt     when the session ends however much it is used
 */
public record BrowserSessionRow(String cookieHash, String csrfToken, String provider, String country, String code,
        String name, String idToken, Instant createdAt, Instant idleExpiresAt, Instant expiresAt) {

    public BrowserSessionRow withIdleExpiresAt(Instant newIdleExpiresAt) {
        return new BrowserSessionRow(cookieHash, csrfToken, provider, country, code, name, idToken, createdAt,
                newIdleExpiresAt, expiresAt);
    }

    /** Hides the code, the tokens and the hash: a session row must never reach a log whole. */
    @Override
    public String toString() {
        return "BrowserSessionRow[" + provider + ", " + country + ", until " + expiresAt + "]";
    }
}
