package org.raekoda.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import javax.persistence.EntityManager;

/**
 * The spatial index on the applications' footprints, in each database's own terms: on PostgreSQL a GiST index
 * over its geometric {@code box} type (an expression over the footprint columns), on H2 a spatial index over a
 * GEOMETRY column H2 computes from the same columns (changelog 0.1/013). Queries name the table {@code a}.
 */
final class FootprintIndex {

    enum Database {
        POSTGRESQL, H2
    }

    /**
     * The states the PostgreSQL index is partial to, as a literal condition: the planner uses a partial index only
     * when the query's own text implies its predicate, which a bound parameter never does.
     */
    static final String PUBLISHED_STATES = "a.state IN ('ISSUED', 'EXPIRED', 'REVOKED')";

    private volatile Database database;

    /** The JDBC connection of the entity manager's transaction (one must be active); not to be closed. */
    static Connection connection(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("no connection: the entity manager has no active transaction");
        }
        return connection;
    }

    /** Which database this is; asked once, since a DataSource does not change its kind. */
    Database database(Connection connection) throws SQLException {
        Database known = database;
        if (known == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            known = "PostgreSQL".equals(product) ? Database.POSTGRESQL : Database.H2;
            database = known;
        }
        return known;
    }

    /**
     * Makes PostgreSQL plan the transaction's next queries for their actual parameters. The driver turns a query it
     * has sent five times into a prepared statement, whose generic plan cannot know how few rows a box selects (the
     * {@code &&} estimate is a constant) nor how many an organization has, and prefers the B-tree on the period:
     * measured with 100 000 permits in force in one organization, the clash check took 80 ms instead of 1.5 ms
     * (docs/performance.md). Planning each time costs a fraction of a millisecond. H2 needs nothing.
     */
    static void planForTheParameters(Connection connection, Database database) throws SQLException {
        if (database == Database.POSTGRESQL) {
            try (var statement = connection.createStatement()) {
                statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
        }
    }

    /**
     * A condition the index answers: the footprint's box intersects the given box. Looser than exact (PostgreSQL
     * compares boxes with a tolerance of 1e-6 degrees), so add {@link #exactly} or another exact test.
     */
    static String intersectsIndexed(Database database) {
        return database == Database.POSTGRESQL
                ? "box(point(a.footprint_west, a.footprint_south), point(a.footprint_east, a.footprint_north))"
                        + " && box(point(?, ?), point(?, ?))"
                : "a.footprint && CAST(? AS GEOMETRY)";
    }

    /** Binds the box of {@link #intersectsIndexed}; returns the next parameter index. */
    static int bindIndexed(Database database, PreparedStatement statement, int index, double west, double south,
            double east, double north) throws SQLException {
        if (database == Database.POSTGRESQL) {
            statement.setDouble(index++, west);
            statement.setDouble(index++, south);
            statement.setDouble(index++, east);
            statement.setDouble(index++, north);
            return index;
        }
        // A two-point line: its envelope is exactly the box, and it stays a valid geometry when the box is a point.
        statement.setString(index++, String.format(Locale.ROOT, "LINESTRING (%s %s, %s %s)", Double.toString(west),
                Double.toString(south), Double.toString(east), Double.toString(north)));
        return index;
    }

    /** A read through the index: one or more statements on the transaction's connection. */
    @FunctionalInterface
    interface IndexRead<T> {
        T run() throws SQLException;
    }

    /** H2's "Timeout trying to lock table" and "Row not found in primary index". */
    private static final java.util.Set<Integer> H2_SPATIAL_RACE = java.util.Set.of(50200, 90143);

    /** How long one attempt of a read on H2 may wait for a row being written, in milliseconds. */
    private static final int H2_ATTEMPT_LOCK_TIMEOUT_MILLIS = 20;

    /** Attempts of a read on H2 before its failure is reported: 50 × 20 ms, a second at most. */
    private static final int H2_ATTEMPTS = 50;

    /**
     * Runs a read that goes through the spatial index. On PostgreSQL it runs once. H2's spatial index (2.2.224, and
     * 2.3.232 alike) can fail a plain SELECT that meets a row another transaction is writing, with "Timeout trying to
     * lock table" or "Row not found in primary index", although such a SELECT takes no lock; the race lasts as long
     * as the writer's commit. So on H2 the read waits only briefly for such a row and is tried again, with the
     * session's own lock timeout put back afterwards. Measured with 3 readers and 3 writers on one table for 8 s
     * (SpatialIndexUnderWritesTest repeats it on the stores): without this, 12 of 87 reads failed, each after
     * the full lock timeout; with it, 1 169 reads, 74 retries, none failed, the slowest 245 ms.
     */
    static <T> T read(Connection connection, Database database, IndexRead<T> read) throws SQLException {
        if (database != Database.H2) {
            return read.run();
        }
        String previous = lockTimeout(connection);
        setLockTimeout(connection, Integer.toString(H2_ATTEMPT_LOCK_TIMEOUT_MILLIS));
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return read.run();
                } catch (SQLException e) {
                    if (!H2_SPATIAL_RACE.contains(e.getErrorCode()) || attempt >= H2_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } finally {
            setLockTimeout(connection, previous);
        }
    }

    private static String lockTimeout(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME = 'LOCK_TIMEOUT'")) {
            return result.next() ? Integer.toString(Integer.parseInt(result.getString(1).trim())) : "1000";
        }
    }

    private static void setLockTimeout(Connection connection, String millis) throws SQLException {
        try (var statement = connection.createStatement()) {
            // A number parsed above or a constant: nothing from outside reaches this statement.
            statement.execute("SET LOCK_TIMEOUT " + millis);
        }
    }

    /** The exact test on the given columns ({@code footprint} or {@code bbox}): closed boxes intersect. */
    static String exactly(String columns) {
        return "a." + columns + "_west <= ? AND a." + columns + "_east >= ? AND a." + columns + "_south <= ? AND a."
                + columns + "_north >= ?";
    }

    /** Binds the box of {@link #exactly}; returns the next parameter index. */
    static int bindExactly(PreparedStatement statement, int index, double west, double south, double east,
            double north) throws SQLException {
        statement.setDouble(index++, east);
        statement.setDouble(index++, west);
        statement.setDouble(index++, north);
        statement.setDouble(index++, south);
        return index;
    }
}
