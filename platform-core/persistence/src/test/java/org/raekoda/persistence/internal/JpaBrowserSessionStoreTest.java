package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.store.spi.BrowserSessionRow;
import org.raekoda.store.spi.LoginAttemptRow;

/** Login attempts and browser sessions on real PostgreSQL and on the embedded H2 default. */
class JpaBrowserSessionStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void anAttemptIsTakenOnceAndOnlyWhileFresh(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            JpaBrowserSessionStore store = new JpaBrowserSessionStore(TestDatabases.transactions(factory));
            store.saveAttempt(new LoginAttemptRow("state-1", "tara", "nonce-1", "verifier-1", "/my", NOW));
            store.saveAttempt(new LoginAttemptRow("state-2", "tara", "nonce-2", "verifier-2", "/", NOW));

            LoginAttemptRow taken = store.takeAttempt("state-1", NOW.minus(Duration.ofMinutes(10))).orElseThrow();
            assertEquals("nonce-1", taken.nonce());
            assertEquals("verifier-1", taken.codeVerifier());
            assertEquals("/my", taken.returnTo());
            assertEquals(NOW, taken.createdAt());
            assertEquals(Optional.empty(), store.takeAttempt("state-1", NOW.minus(Duration.ofMinutes(10))),
                    "a state is good for one callback");

            assertEquals(Optional.empty(), store.takeAttempt("state-2", NOW.plusSeconds(1)), "too old");
            assertEquals(Optional.empty(), store.takeAttempt("state-2", NOW.minusSeconds(1)),
                    "an expired attempt is gone after the refused try");
            assertEquals(Optional.empty(), store.takeAttempt("never-issued", NOW.minusSeconds(1)));
        } finally {
            factory.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aSessionLastsWhileUsedAndNeverPastItsAbsoluteEnd(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            JpaBrowserSessionStore store = new JpaBrowserSessionStore(TestDatabases.transactions(factory));
            Instant idle = NOW.plus(Duration.ofMinutes(30));
            Instant end = NOW.plus(Duration.ofHours(1));
            store.saveSession(new BrowserSessionRow("a".repeat(64), "csrf", "tara", "EE", "38001085718", "Mari Maasikas",
                    "header.payload.signature", NOW, idle, end));

            BrowserSessionRow used = store.useSession("a".repeat(64), NOW.plusSeconds(30), idle.plusSeconds(30))
                    .orElseThrow();
            assertEquals(idle, used.idleExpiresAt(), "used again within a minute: not written");
            assertEquals("38001085718", used.code());
            assertEquals("header.payload.signature", used.idToken());

            Instant later = NOW.plus(Duration.ofMinutes(20));
            used = store.useSession("a".repeat(64), later, later.plus(Duration.ofMinutes(30))).orElseThrow();
            assertEquals(later.plus(Duration.ofMinutes(30)), used.idleExpiresAt().truncatedTo(ChronoUnit.SECONDS));

            Instant nearEnd = NOW.plus(Duration.ofMinutes(45));
            used = store.useSession("a".repeat(64), nearEnd, nearEnd.plus(Duration.ofMinutes(30))).orElseThrow();
            assertEquals(end, used.idleExpiresAt(), "capped at the absolute end");

            assertEquals(Optional.empty(), store.useSession("a".repeat(64), end, end.plusSeconds(1)));
            assertEquals(Optional.empty(), store.removeSession("a".repeat(64)), "the expired session was deleted");

            store.saveSession(new BrowserSessionRow("b".repeat(64), "csrf", "tara", "EE", "1", null, null, NOW, idle,
                    end));
            assertEquals("tara", store.removeSession("b".repeat(64)).orElseThrow().provider());
            assertEquals(Optional.empty(), store.useSession("b".repeat(64), NOW, idle));
        } finally {
            factory.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aPurgeDeletesWhatExpiredAndNothingElse(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            JpaBrowserSessionStore store = new JpaBrowserSessionStore(TestDatabases.transactions(factory));
            store.saveAttempt(new LoginAttemptRow("old", "tara", "n", "v", "/", NOW.minus(Duration.ofMinutes(11))));
            store.saveAttempt(new LoginAttemptRow("new", "tara", "n", "v", "/", NOW.minus(Duration.ofMinutes(1))));
            store.saveSession(new BrowserSessionRow("c".repeat(64), "x", "tara", "EE", "1", null, null,
                    NOW.minus(Duration.ofHours(1)), NOW.minusSeconds(1), NOW.plus(Duration.ofHours(7))));
            store.saveSession(new BrowserSessionRow("d".repeat(64), "x", "tara", "EE", "1", null, null,
                    NOW, NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(8))));

            assertEquals(2, store.purge(NOW.minus(Duration.ofMinutes(10)), NOW));
            assertEquals(0, store.purge(NOW.minus(Duration.ofMinutes(10)), NOW), "a second purge finds nothing");
            assertTrue(store.takeAttempt("new", NOW.minus(Duration.ofMinutes(10))).isPresent());
            assertTrue(store.useSession("d".repeat(64), NOW, NOW).isPresent());
        } finally {
            factory.close();
        }
    }
}
