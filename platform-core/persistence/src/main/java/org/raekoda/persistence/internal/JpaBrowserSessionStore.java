package org.raekoda.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.store.spi.BrowserSessionRow;
import org.raekoda.store.spi.BrowserSessionStore;
import org.raekoda.store.spi.LoginAttemptRow;

/** Login attempts and browser sessions in the database, shared by every node. */
@Component(service = BrowserSessionStore.class)
public final class JpaBrowserSessionStore implements BrowserSessionStore {

    /** A session used again within this time keeps its stored idle expiry: no write on every request. */
    private static final Duration EXTEND_STEP = Duration.ofMinutes(1);

    private final Transactions tx;

    @Activate
    public JpaBrowserSessionStore(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaBrowserSessionStore over(Transactions tx) {
        return new JpaBrowserSessionStore(tx);
    }

    JpaBrowserSessionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void saveAttempt(LoginAttemptRow attempt) {
        tx.inTransaction(em -> {
            em.persist(new LoginAttemptEntity(attempt));
            return null;
        });
    }

    @Override
    public Optional<LoginAttemptRow> takeAttempt(String state, Instant notBefore) {
        return tx.inTransaction(em -> {
            // The delete decides who has the attempt: of two callbacks racing on two nodes, only the one whose
            // delete removed the row goes on; the row lock makes the other wait and then find nothing.
            LoginAttemptEntity found = em.find(LoginAttemptEntity.class, state, LockModeType.PESSIMISTIC_WRITE);
            if (found == null) {
                return Optional.empty();
            }
            LoginAttemptRow row = found.toRow();
            int deleted = em.createQuery("delete from LoginAttemptEntity a where a.state = :state")
                    .setParameter("state", state).executeUpdate();
            if (deleted != 1 || row.createdAt().isBefore(notBefore)) {
                return Optional.empty();
            }
            return Optional.of(row);
        });
    }

    @Override
    public void saveSession(BrowserSessionRow session) {
        tx.inTransaction(em -> {
            em.persist(new BrowserSessionEntity(session));
            return null;
        });
    }

    @Override
    public Optional<BrowserSessionRow> useSession(String cookieHash, Instant now, Instant extendIdleTo) {
        return tx.inTransaction(em -> {
            BrowserSessionEntity found = em.find(BrowserSessionEntity.class, cookieHash);
            if (found == null) {
                return Optional.empty();
            }
            if (found.expiredAt(now)) {
                em.remove(found);
                return Optional.empty();
            }
            if (found.idleExpiresAt().plus(EXTEND_STEP).isBefore(extendIdleTo)) {
                found.extendIdleTo(extendIdleTo);
            }
            return Optional.of(found.toRow());
        });
    }

    @Override
    public Optional<BrowserSessionRow> removeSession(String cookieHash) {
        return tx.inTransaction(em -> {
            BrowserSessionEntity found = em.find(BrowserSessionEntity.class, cookieHash);
            if (found == null) {
                return Optional.empty();
            }
            BrowserSessionRow row = found.toRow();
            int deleted = em.createQuery("delete from BrowserSessionEntity s where s.cookieHash = :hash")
                    .setParameter("hash", cookieHash).executeUpdate();
            return deleted == 1 ? Optional.of(row) : Optional.empty();
        });
    }

    @Override
    public int purge(Instant attemptsBefore, Instant now) {
        // Plain deletes by time: two nodes purging at once delete disjoint or already deleted rows, never fail.
        return tx.inTransaction(em -> em.createQuery("delete from LoginAttemptEntity a where a.createdAt < :before")
                .setParameter("before", attemptsBefore.atOffset(ZoneOffset.UTC)).executeUpdate()
                + em.createQuery("delete from BrowserSessionEntity s where s.idleExpiresAt <= :now")
                        .setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate());
    }
}
