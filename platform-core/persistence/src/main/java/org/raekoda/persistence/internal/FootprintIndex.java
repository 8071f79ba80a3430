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
