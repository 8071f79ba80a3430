package org.raekoda.store.spi;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Login attempts and sessions of the platform's pages, in the database so that any node can serve any step.
 * Every method is one transaction.
 */
@ProviderType
public interface BrowserSessionStore {

    void saveAttempt(LoginAttemptRow attempt);

    /**
     * Removes the attempt and answers it if it began after {@code notBefore}: a state is good for one callback
     * only, and two nodes racing for it cannot both have it.
     */
    Optional<LoginAttemptRow> takeAttempt(String state, Instant notBefore);

    void saveSession(BrowserSessionRow session);

    /**
     * The session while it lasts at {@code now}; an expired one is deleted and not answered. Its idle expiry
     * moves to {@code extendIdleTo} (never past the absolute expiry) when that is more than a minute later, so
     * that a busy session is not written on every request.
     */
    Optional<BrowserSessionRow> useSession(String cookieHash, Instant now, Instant extendIdleTo);

    /** Deletes the session and answers what it was. */
    Optional<BrowserSessionRow> removeSession(String cookieHash);

    /**
     * Deletes attempts begun before {@code attemptsBefore} and sessions expired at {@code now}; safe to run on
     * several nodes at once.
     *
     * @return how many rows went
     */
    int purge(Instant attemptsBefore, Instant now);
}
