package org.raekoda.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database's schema up to date with Raekoda's versioned migrations (Liquibase change sets).
 * Safe to run on several nodes at once: Liquibase takes its lock row before it changes anything.
 */
public final class SchemaMigrator {

    /** The master change log, on this bundle's class path. */
    public static final String CHANGELOG = "org/raekoda/persistence/changelog/raekoda-changelog.xml";

    private SchemaMigrator() {
    }

    /**
     * Applies every change set that the database has not seen yet.
     *
     * @return how many change sets the database has run in all, after the update
     */
    public static int migrate(DataSource dataSource) throws SQLException, MigrationException {
        return migrate(dataSource, CHANGELOG);
    }

    /** Applies the change sets of another change log (tests: a database as an older release left it). */
    static int migrate(DataSource dataSource, String changelog) throws SQLException, MigrationException {
        // Liquibase's lock guards the change sets, but not the creation of its own bookkeeping tables:
        // nodes that start together on an empty database can collide there. The loser tries again and
        // then finds the tables, the lock and the applied change sets.
        for (int attempt = 1;; attempt++) {
            try {
                return migrateOnce(dataSource, changelog);
            } catch (MigrationException e) {
                if (attempt == BOOKKEEPING_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static final int BOOKKEEPING_ATTEMPTS = 3;

    private static int migrateOnce(DataSource dataSource, String changelog) throws SQLException, MigrationException {
        ClassLoader loader = SchemaMigrator.class.getClassLoader();
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
        scope.put(Scope.Attr.classLoader.name(), loader);
        // Liquibase would otherwise report usage to its vendor; an installation's data stays home.
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        scope.put("liquibase.showBanner", Boolean.FALSE);
        // Liquibase writes its messages (the change-set summary among them) to System.out, which in Karaf
        // is the operator's console; they belong in the log with everything else.
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        // One migration at a time: in this JVM (the embedded H2 is opened by one process only), and across
        // nodes through a PostgreSQL advisory lock, which the server releases by itself if a node dies.
        synchronized (SchemaMigrator.class) {
            try (Connection connection = dataSource.getConnection()) {
                boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
                if (postgres) {
                    execute(connection, "SELECT pg_advisory_lock(" + ADVISORY_LOCK + ")");
                }
                try {
                    releaseStaleLiquibaseLock(connection);
                    return run(connection, loader, scope, changelog);
                } finally {
                    if (postgres) {
                        execute(connection, "SELECT pg_advisory_unlock(" + ADVISORY_LOCK + ")");
                    }
                }
            }
        }
    }

    /** Arbitrary but fixed: the advisory lock key of Raekoda's migrations. */
    private static final long ADVISORY_LOCK = 0x7261656b6f6461L;

    /**
     * Whoever holds our lock is the only one migrating, so a Liquibase lock row still set was left by a node
     * that died mid-migration; without this, every node would wait for it for ever.
     */
    private static void releaseStaleLiquibaseLock(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                execute(connection, "UPDATE DATABASECHANGELOGLOCK SET LOCKED = FALSE, LOCKGRANTED = NULL, LOCKEDBY = NULL");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException tableNotThereYet) {
            // A fresh database: Liquibase creates the table.
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int run(Connection connection, ClassLoader loader, Map<String, Object> scope, String changelog)
            throws SQLException, MigrationException {
        try {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return Scope.child(scope, () -> {
                    new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                            .execute();
                    return database.getRanChangeSetList().size();
                });
            } finally {
                thread.setContextClassLoader(previous);
            }
        } catch (SQLException e) {
            throw e;
        } catch (LiquibaseException e) {
            throw new MigrationException(rootMessage(e), e);
        } catch (Exception e) {
            throw new MigrationException(rootMessage(e), e);
        }
    }

    /**
     * A one-line reason for an operator: the driver's own message when there is one (it names the host
     * and what failed), otherwise the deepest cause's.
     */
    static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** A migration that could not run; the database is left as Liquibase found it or at a change-set boundary. */
    public static final class MigrationException extends Exception {
        private static final long serialVersionUID = 1L;

        MigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
