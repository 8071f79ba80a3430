package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migrations and the installation record on real PostgreSQL and on the embedded H2 default. */
class SchemaAndInstallationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void migrationsCreateTheSchemaOnceAndAreSafeToRepeat(String kind, DataSource database) throws Exception {
        int first = SchemaMigrator.migrate(database);
        int second = SchemaMigrator.migrate(database);

        assertTrue(first >= 1, "at least one change set ran");
        assertEquals(first, second, "a second run applies nothing new");
        assertEquals(first, count(database, "select count(*) from databasechangelog"));
        assertEquals(0, count(database, "select count(*) from raekoda_installation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void installationIsCreatedOnceAndFoundAgainAfterARestart(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        Installation created;
        EntityManagerFactory firstStart = TestDatabases.entityManagers(database);
        try {
            created = new InstallationStore(TestDatabases.transactions(firstStart)).loadOrCreate();
        } finally {
            firstStart.close();
        }

        EntityManagerFactory secondStart = TestDatabases.entityManagers(database);
        try {
            Installation found = new InstallationStore(TestDatabases.transactions(secondStart)).loadOrCreate();
            assertEquals(created, found);
        } finally {
            secondStart.close();
        }
        assertEquals(1, count(database, "select count(*) from raekoda_installation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void nodesStartingTogetherAgreeOnOneInstallation(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        int nodes = 4;
        List<EntityManagerFactory> factories = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Installation>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                EntityManagerFactory factory = TestDatabases.entityManagers(database);
                factories.add(factory);
                InstallationStore store = new InstallationStore(TestDatabases.transactions(factory));
                Callable<Installation> node = () -> {
                    go.await();
                    return store.loadOrCreate();
                };
                results.add(pool.submit(node));
            }
            go.countDown();
            Installation winner = results.get(0).get();
            assertNotNull(winner);
            for (Future<Installation> result : results) {
                assertEquals(winner, result.get());
            }
        } finally {
            pool.shutdownNow();
            factories.forEach(EntityManagerFactory::close);
        }
        assertEquals(1, count(database, "select count(*) from raekoda_installation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void nodesMigratingTogetherLeaveOneCopyOfEachChangeSet(String kind, DataSource database) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> SchemaMigrator.migrate(database)));
            }
            int expected = runs.get(0).get();
            for (Future<Integer> run : runs) {
                assertEquals(expected, run.get());
            }
            assertEquals(expected, count(database, "select count(*) from databasechangelog"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static int count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
