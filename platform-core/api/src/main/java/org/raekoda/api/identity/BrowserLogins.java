package org.raekoda.api.identity;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Login for the platform's pages: the OpenID Connect authorization code flow with PKCE and a nonce, and a
 * server-side session the browser holds by an opaque cookie. Login attempts and sessions live in the database,
 * so that any node continues what another began.
 */
@ProviderType
public interface BrowserLogins {

    /** The providers a person may log in with, for the login page. */
    List<String> providers();

    /**
     * Begins a login: remembers state, nonce and PKCE verifier, and answers where to send the browser.
     *
     * @param provider   a name from {@link #providers()}
     * @param returnTo   a path of this platform to come back to after the login (never another host)
     * @param callback   the absolute redirect URI registered with the provider
     * @throws InvalidCredentialsException when there is no such provider
     */
    URI begin(String provider, String returnTo, URI callback);

    /**
     * Completes a login at the callback: checks state, exchanges the code, validates the ID token and its nonce,
     * and opens a session.
     *
     * @throws InvalidCredentialsException when any of it fails; the attempt is used up either way
     */
    Session complete(String state, String code, URI callback);

    /** The session the cookie names, while it lasts. */
    Optional<Session> find(String sessionCookie);

    /**
     * Ends the session here and answers where to send the browser to end it at the provider too
     * (RP-initiated logout), or empty when the provider offers no such endpoint.
     */
    Optional<URI> logout(String sessionCookie, URI afterLogout);

    /**
     * An open session.
     *
     * @param cookie    the opaque value of the session cookie; only its hash is stored
     * @param csrfToken what state-changing requests must send in {@code X-CSRF-Token}
     * @param identity  who logged in
     * @param returnTo  where the login wanted to go, on the session {@link #complete} opened
     */
    record Session(String cookie, String csrfToken, VerifiedIdentity identity, String returnTo) {

        @Override
        public String toString() {
            return "Session[" + identity + "]";
        }
    }
}
