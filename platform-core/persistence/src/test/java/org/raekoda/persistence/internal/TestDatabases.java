package org.raekoda.persistence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.provider.Arguments;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The two databases Raekoda supports, both real: PostgreSQL from io.zonky's embedded binaries
 * (started once for the test run) and the embedded default, an H2 file database. Shared with the
 * acceptance tests through this module's test jar.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** Arguments for a parameterized test: a name and a fresh, empty database of each kind. */
    public static Stream<Arguments> fresh() {
        return Stream.of(Arguments.of("PostgreSQL", freshPostgres()), Arguments.of("H2", freshH2()));
    }

    public static synchronized DataSource freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "raekoda_" + System.nanoTime();
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return postgres.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DataSource freshH2() {
        try {
            Path folder = Files.createTempDirectory("raekoda-h2");
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + folder.resolve("raekoda") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=10");
            h2.setUser("raekoda");
            h2.setPassword("raekoda");
            return h2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundle's own persistence unit, outside OSGi, on the given DataSource. */
    public static EntityManagerFactory entityManagers(DataSource dataSource) {
        return Persistence.createEntityManagerFactory("raekoda",
                Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    /** Transactions as Aries JPA runs them in Karaf: one EntityManager and one transaction per call. */
    public static Transactions transactions(EntityManagerFactory factory) {
        return new Transactions() {
            @Override
            public <R> R inTransaction(java.util.function.Function<javax.persistence.EntityManager, R> work) {
                var em = factory.createEntityManager();
                try {
                    em.getTransaction().begin();
                    R result = work.apply(em);
                    em.getTransaction().commit();
                    return result;
                } catch (RuntimeException e) {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    throw e;
                } finally {
                    em.close();
                }
            }
        };
    }
}
