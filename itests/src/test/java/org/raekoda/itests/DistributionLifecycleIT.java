package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The distribution started as a process, the way an operator runs it: its data survives a restart,
 * and on PostgreSQL it reports a missing or vanished database as 503 and heals when the database is back.
 */
class DistributionLifecycleIT {

    // The PostgreSQL node below runs with RAEKODA_PROFILE=production, as production nodes do.

    private static final Duration BOOT = Duration.ofSeconds(90);

    @Test
    void embeddedDefaultKeepsItsDataAcrossARestart() throws Exception {
        try (RunningDistribution karaf = RunningDistribution.fresh("h2-restart", Map.of())) {
            long started = System.nanoTime();
            karaf.start();
            RunningDistribution.Health first = awaitStatus(karaf, 200);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("cold start to healthy: %d ms, resident memory %d MiB%n", millis,
                    karaf.residentKib() / 1024);
            assertEquals("H2", first.fact("database", "product"));
            String installation = first.fact("database", "installationId");
            assertFalse(installation.isBlank());
            assertTrue(Files.exists(karaf.home().resolve("data/raekoda/raekoda.mv.db")),
                    "the H2 database lives under the distribution's data folder");

            karaf.stop();
            karaf.start();
            RunningDistribution.Health second = awaitStatus(karaf, 200);
            assertEquals(installation, second.fact("database", "installationId"),
                    "a restart finds the same installation in the same database");
        }
    }

    @Test
    void postgresqlOutageIsReported503AndHealsByItself(@TempDir Path pgData) throws Exception {
        int pgPort = FreePorts.next();
        Map<String, String> environment = Map.of(
                "RAEKODA_DB_DRIVER", "org.postgresql.Driver",
                "RAEKODA_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres?connectTimeout=3",
                "RAEKODA_DB_USER", "postgres",
                "RAEKODA_DB_PASSWORD", "postgres",
                "RAEKODA_PROFILE", "production");
        try (RunningDistribution karaf = RunningDistribution.fresh("pg-outage", environment).start()) {
            // 1. The URL points at a port where no database listens: 503 with the reason, no stack trace.
            RunningDistribution.Health missing = await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                    .until(karaf::health, health -> health != null && health.status() == 503
                            && health.component("database", "detail").contains("refused")
                            // on a busy machine the REST API may answer before the boot has started Camel
                            && "UP".equals(health.component("camel", "status")));
            assertEquals("DOWN", missing.component("database", "status"));
            String reason = missing.component("database", "detail");
            assertTrue(reason.startsWith("schema not migrated yet") && reason.contains("refused"), missing.raw());
            assertNoStackTrace(missing.raw());
            assertEquals("UP", missing.component("camel", "status"), "the rest of the node stays up");

            // 2. The database appears: the node migrates the schema and turns healthy without a restart.
            EmbeddedPostgres postgres = startPostgres(pgPort, pgData);
            RunningDistribution.Health healthy;
            String installation;
            try {
                healthy = awaitStatus(karaf, 200);
                assertEquals("PostgreSQL", healthy.fact("database", "product"));
                installation = healthy.fact("database", "installationId");
            } finally {
                postgres.close();
            }

            // 3. The database goes away: 503 with the reason; the container keeps running.
            RunningDistribution.Health gone = awaitStatus(karaf, 503);
            assertTrue(gone.component("database", "detail").startsWith("cannot connect"), gone.raw());
            assertNoStackTrace(gone.raw());
            assertTrue(karaf.isRunning());

            // 4. It comes back with its data: healthy again, same installation.
            try (EmbeddedPostgres again = startPostgres(pgPort, pgData)) {
                RunningDistribution.Health back = awaitStatus(karaf, 200);
                assertEquals(installation, back.fact("database", "installationId"));

                // 5. In the production profile the development identity header is ignored.
                assertEquals(401, karaf.get("/api/v1/applications", "X-Raekoda-Dev-Caller",
                        "subject=alice; roles=APPLICANT").statusCode());
                assertEquals(200, karaf.get("/api/v1/services").statusCode(), "the catalogue stays public");
            }
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path dataDirectory) throws Exception {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    private static RunningDistribution.Health awaitStatus(RunningDistribution karaf, int status) {
        return await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                .until(karaf::health, health -> health != null && health.status() == status);
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body.contains("\tat ") || body.contains("Exception:"), body);
    }
}
