package org.raekoda.benchmarks;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.commons.dbcp2.BasicDataSource;
import org.postgresql.PGConnection;
import org.raekoda.persistence.internal.JpaApplicationStore;
import org.raekoda.persistence.internal.JpaPublishedPermitStore;
import org.raekoda.persistence.internal.SchemaMigrator;
import org.raekoda.persistence.internal.Transactions;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.PublishedSearch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Latency of the public register's queries and of the clash check on a country's worth of issued permits, through
 * the stores (EclipseLink, a pooled DataSource as pax-jdbc gives in Karaf, one transaction per call) beside the
 * same SQL sent with plain JDBC on one connection, alternating call by call with the same random parameters.
 *
 * <p>Data (seeded, so every run has the same): {@code permits} issued permits over Estonia's extent (21.8–28.2 E,
 * 57.5–59.7 N), small footprints (5–50 m squares), periods of 1–60 days over 2019 to today, 5 % of the past ones
 * revoked; of them {@code permits / 10} in force today, all in the capital (24.55–24.95 E, 59.35–59.50 N, one
 * organization), so that its clash check looks among them. Loaded with COPY on PostgreSQL and with batched inserts
 * on H2, not through the engine.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.raekoda.benchmarks.PublicRegisterLoad
 * [postgresql|h2] [permits] [samples]}; defaults: PostgreSQL with 1 000 000, H2 with 100 000; 1 000 samples.
 */
public final class PublicRegisterLoad {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String CAPITAL = "tallinn";
    static final double[] COUNTRY = {21.8, 57.5, 28.2, 59.7};
    static final double[] CAPITAL_AREA = {24.55, 59.35, 24.95, 59.50};
    static final String COLUMNS = "id, organization_id, service_id, service_version, applicant, state, form_json,"
            + " location_json, fee, currency, valid_until, row_version, submitted_at, updated_at, occupied_from,"
            + " occupied_until, bbox_west, bbox_south, bbox_east, bbox_north, footprint_west, footprint_south,"
            + " footprint_east, footprint_north, issued_at, issued_on";

    private PublicRegisterLoad() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "postgresql";
        boolean postgres = database.equals("postgresql");
        int permits = args.length > 1 ? Integer.parseInt(args[1]) : postgres ? 1_000_000 : 100_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        if (postgres) {
            Path data = Files.createTempDirectory("raekoda-pg-bench");
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                    .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB").start()) {
                String url = pg.getJdbcUrl("postgres", "postgres");
                run(true, url, "postgres", "", permits, samples);
            }
        } else {
            Path folder = Files.createTempDirectory("raekoda-h2-bench");
            // As the distribution opens it (etc/org.ops4j.datasource-raekoda.cfg)
            String url = "jdbc:h2:file:" + folder.resolve("raekoda") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
            try {
                run(false, url, "raekoda", "raekoda", permits, samples);
            } finally {
                try (var files = Files.walk(folder)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static void run(boolean postgres, String url, String user, String password, int permits, int samples)
            throws Exception {
        BasicDataSource pool = new BasicDataSource();
        pool.setUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaxTotal(4);
        try (pool) {
            SchemaMigrator.migrate(pool);
            long start = System.nanoTime();
            try (Connection connection = pool.getConnection()) {
                load(connection, postgres, permits);
            }
            System.out.printf(Locale.ROOT, "%s: %,d permits (%,d in force in %s) loaded in %.1f s%n",
                    postgres ? "PostgreSQL" : "H2", permits, permits / 10, CAPITAL, (System.nanoTime() - start) / 1e9);
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("raekoda",
                    Map.of("javax.persistence.nonJtaDataSource", pool));
            try (Connection raw = pool.getConnection()) {
                measure(postgres, raw, transactions(factory), samples, permits);
            } finally {
                factory.close();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- data

    /** One permit, generated from the seeded random source. */
    record Permit(String id, String organization, String state, double west, double south, double east,
            double north, LocalDate occupiedFrom, LocalDate occupiedUntil, LocalDate validUntil, Instant issuedAt) {
    }

    static Permit permit(Random random, int index, int inForce) {
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        boolean current = index < inForce;
        double[] area = current ? CAPITAL_AREA : COUNTRY;
        double south = area[1] + random.nextDouble() * (area[3] - area[1]);
        double west = area[0] + random.nextDouble() * (area[2] - area[0]);
        double metres = 5 + random.nextInt(46);
        double north = south + metres / 111_320;
        double east = west + metres / (111_320 * Math.cos(Math.toRadians(south)));
        LocalDate from;
        LocalDate until;
        if (current) {
            from = TODAY.minusDays(random.nextInt(21));
            until = TODAY.plusDays(random.nextInt(61));
        } else {
            long days = TODAY.minusDays(120).toEpochDay() - LocalDate.parse("2019-01-01").toEpochDay();
            from = LocalDate.parse("2019-01-01").plusDays((long) (random.nextDouble() * days));
            until = from.plusDays(random.nextInt(60));
        }
        LocalDate validUntil = until.plusDays(random.nextInt(31));
        Instant issuedAt = from.minusDays(1 + random.nextInt(30)).atTime(9, 0).toInstant(ZoneOffset.UTC)
                .plusSeconds(random.nextInt(8 * 3600));
        String organization = current || random.nextInt(5) == 0 ? CAPITAL : "m" + (1 + random.nextInt(78));
        String state = !current && random.nextInt(20) == 0 ? "REVOKED" : "ISSUED";
        return new Permit(id, organization, state, west, south, east, north, from, until, validUntil, issuedAt);
    }

    static String geoJson(Permit p) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],"
                + "[%.7f,%.7f],[%.7f,%.7f]]]}", p.west, p.south, p.east, p.south, p.east, p.north, p.west, p.north,
                p.west, p.south);
    }

    /** The box as stored: the footprint the store computes is the box of the GeoJSON, rounded as written. */
    static double round(double degrees) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.7f", degrees));
    }

    private static final String FORM = "{\"address\":\"Narva mnt 1\",\"purpose\":\"water\",\"areaSquareMetres\":6,"
            + "\"depthMetres\":1.2,\"durationDays\":3,\"trafficImpact\":\"none\"}";

    static void load(Connection connection, boolean postgres, int permits) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement organization = connection.prepareStatement(
                "INSERT INTO organization (id, kind, name_json, time_zone) VALUES (?, 'MUNICIPALITY', '{}', 'Europe/Tallinn')")) {
            organization.setString(1, CAPITAL);
            organization.addBatch();
            for (int m = 1; m <= 78; m++) {
                organization.setString(1, "m" + m);
                organization.addBatch();
            }
            organization.executeBatch();
        }
        connection.commit();
        Random random = new Random(42);
        int inForce = permits / 10;
        int chunk = 50_000;
        for (int first = 0; first < permits; first += chunk) {
            int last = Math.min(permits, first + chunk);
            if (postgres) {
                StringBuilder csv = new StringBuilder((last - first) * 420);
                for (int i = first; i < last; i++) {
                    csv.append(csvRow(permit(random, i, inForce)));
                }
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY application (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            } else {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO application (" + COLUMNS
                        + ") VALUES (?, ?, 'excavation', '1.0', 'EE37001010008', ?, ?, ?, 0, 'EUR', ?, 0, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = first; i < last; i++) {
                        Permit p = permit(random, i, inForce);
                        OffsetDateTime at = p.issuedAt.atOffset(ZoneOffset.UTC);
                        int c = 1;
                        insert.setString(c++, p.id);
                        insert.setString(c++, p.organization);
                        insert.setString(c++, p.state);
                        insert.setString(c++, FORM);
                        insert.setString(c++, geoJson(p));
                        insert.setObject(c++, p.validUntil);
                        insert.setObject(c++, at);
                        insert.setObject(c++, at);
                        insert.setObject(c++, p.occupiedFrom);
                        insert.setObject(c++, p.occupiedUntil);
                        for (int twice = 0; twice < 2; twice++) {
                            insert.setDouble(c++, round(p.west));
                            insert.setDouble(c++, round(p.south));
                            insert.setDouble(c++, round(p.east));
                            insert.setDouble(c++, round(p.north));
                        }
                        insert.setObject(c++, at);
                        insert.setObject(c++, p.issuedAt.atZone(java.time.ZoneId.of("Europe/Tallinn")).toLocalDate());
                        insert.addBatch();
                        if ((i + 1) % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(postgres ? "VACUUM ANALYZE application" : "ANALYZE");
        } catch (SQLException vacuumOutsideTransaction) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(postgres ? "VACUUM ANALYZE application" : "ANALYZE");
            }
        }
        connection.setAutoCommit(true);
    }

    private static String csvRow(Permit p) {
        String at = p.issuedAt.atOffset(ZoneOffset.UTC).toString();
        String box = round(p.west) + "," + round(p.south) + "," + round(p.east) + "," + round(p.north);
        return p.id + "," + p.organization + ",excavation,1.0,EE37001010008," + p.state + ",\""
                + FORM.replace("\"", "\"\"") + "\",\"" + geoJson(p).replace("\"", "\"\"") + "\",0,EUR," + p.validUntil
                + ",0," + at + "," + at + "," + p.occupiedFrom + "," + p.occupiedUntil + "," + box + "," + box + ","
                + at + "," + p.issuedAt.atZone(java.time.ZoneId.of("Europe/Tallinn")).toLocalDate() + "\n";
    }

    // ---------------------------------------------------------------------------------------------- measuring

    /** Transactions as Aries JPA runs them in Karaf: one EntityManager and one transaction per call. */
    static Transactions transactions(EntityManagerFactory factory) {
        return new Transactions() {
            @Override
            public <R> R inTransaction(Function<EntityManager, R> work) {
                EntityManager em = factory.createEntityManager();
                try {
                    em.getTransaction().begin();
                    R result = work.apply(em);
                    em.getTransaction().commit();
                    return result;
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }
        };
    }

    @FunctionalInterface
    interface Call {
        int run(Random parameters) throws Exception;
    }

    /** Runs each variant once per round with the same parameters, warm-up first; prints the percentiles. */
    static void compare(String title, int samples, List<String> names, List<Call> calls) throws Exception {
        int warmUp = Math.max(100, samples / 5);
        long[][] nanos = new long[calls.size()][samples];
        long[] rows = new long[calls.size()];
        Random seeds = new Random(title.hashCode());
        for (int round = -warmUp; round < samples; round++) {
            long seed = seeds.nextLong();
            for (int v = 0; v < calls.size(); v++) {
                long start = System.nanoTime();
                int found = calls.get(v).run(new Random(seed));
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    nanos[v][round] = took;
                    rows[v] += found;
                }
            }
        }
        System.out.println();
        System.out.println(title);
        for (int v = 0; v < calls.size(); v++) {
            long[] sorted = nanos[v].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  %-44s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  rows/call %7.1f%n",
                    names.get(v), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), rows[v] / (double) samples);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static double[] box(Random random, double[] area, double widthDegrees, double heightDegrees) {
        double west = area[0] + random.nextDouble() * (area[2] - area[0] - widthDegrees);
        double south = area[1] + random.nextDouble() * (area[3] - area[1] - heightDegrees);
        return new double[] {west, south, west + widthDegrees, south + heightDegrees};
    }

    static void measure(boolean postgres, Connection raw, Transactions tx, int samples, int permits) throws Exception {
        JpaPublishedPermitStore published = JpaPublishedPermitStore.over(tx);
        JpaApplicationStore applications = JpaApplicationStore.over(tx);
        if (postgres) {
            // As the stores do in every transaction (FootprintIndex.planForTheParameters), for this whole session.
            try (Statement statement = raw.createStatement()) {
                statement.execute("SET plan_cache_mode = force_custom_plan");
            }
        }
        List<String> ids = new ArrayList<>();
        try (Statement statement = raw.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM application")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }

        // A map view of about 1.1 km x 1.1 km in the capital, permits in force (the default view), up to 500.
        double capitalWidth = 0.02;
        double capitalHeight = 0.01;
        compare("bbox in force, ~1.1 x 1.1 km in the capital, limit 500", samples,
                List.of("PublishedPermitStore.published", "plain JDBC, same SQL"), List.of(
                        r -> published.published(inForce(box(r, CAPITAL_AREA, capitalWidth, capitalHeight), 500)).size(),
                        r -> rawPublished(raw, postgres, true, box(r, CAPITAL_AREA, capitalWidth, capitalHeight), 500)));
        compare("count of the same (countPublished, cap 100 000)", samples,
                List.of("PublishedPermitStore.countPublished", "plain JDBC, same SQL"), List.of(
                        r -> (int) published.countPublished(inForce(box(r, CAPITAL_AREA, capitalWidth, capitalHeight),
                                500), 100_000).orElse(-1),
                        r -> rawCount(raw, postgres, box(r, CAPITAL_AREA, capitalWidth, capitalHeight), 100_000)));
        // Any status, a box of about 6 x 10 km anywhere in the country, up to 500
        compare("bbox all statuses, ~6 x 10 km anywhere, limit 500", samples,
                List.of("PublishedPermitStore.published", "plain JDBC, same SQL"), List.of(
                        r -> published.published(allStatuses(box(r, COUNTRY, 0.1, 0.09), 500)).size(),
                        r -> rawPublished(raw, postgres, false, box(r, COUNTRY, 0.1, 0.09), 500)));
        compare("first page of the whole country in force, no bbox, limit 500", Math.min(samples, 200),
                List.of("PublishedPermitStore.published", "plain JDBC, same SQL"), List.of(
                        r -> published.published(inForce(null, 500)).size(),
                        r -> rawPublished(raw, postgres, true, null, 500)));
        compare("one permit by id", samples, List.of("PublishedPermitStore.published(id)", "plain JDBC, same SQL"),
                List.of(r -> published.published(ids.get(r.nextInt(ids.size()))).isPresent() ? 1 : 0,
                        r -> rawById(raw, ids.get(r.nextInt(ids.size())))));
        // The clash check of a new 5-50 m excavation in the capital for the next two weeks, against the permits
        // in force there; beside it the query before change set 013 (the B-tree on the period, boxes row by row).
        compare("clash check in the capital (" + permits / 10 + " permits in force there)", samples,
                List.of("ApplicationStore.issuedOccupying", "plain JDBC, same SQL (index)",
                        "plain JDBC, before 0.1/013 (row by row)"),
                List.of(r -> applications.issuedOccupying(CAPITAL, occupancy(r)).size(),
                        r -> rawClash(raw, postgres, occupancy(r), true),
                        r -> rawClash(raw, postgres, occupancy(r), false)));
    }

    static Occupancy occupancy(Random random) {
        double[] box = box(random, CAPITAL_AREA, 0.0005, 0.0003);
        LocalDate from = TODAY.plusDays(random.nextInt(7));
        return new Occupancy(from, from.plusDays(14), box[0], box[1], box[2], box[3]);
    }

    static PublishedSearch inForce(double[] box, int limit) {
        return new PublishedSearch(null, null, true, false, false, TODAY, box == null ? null
                : List.of(new PublishedSearch.Box(box[0], box[1], box[2], box[3])), null, null, limit, 0);
    }

    static PublishedSearch allStatuses(double[] box, int limit) {
        return new PublishedSearch(null, null, true, true, true, TODAY,
                List.of(new PublishedSearch.Box(box[0], box[1], box[2], box[3])), null, null, limit, 0);
    }

    // The SQL the stores send, written out again for plain JDBC.

    static String indexed(boolean postgres) {
        return postgres ? "box(point(a.footprint_west, a.footprint_south), point(a.footprint_east, a.footprint_north))"
                + " && box(point(?, ?), point(?, ?))" : "a.footprint && CAST(? AS GEOMETRY)";
    }

    static int bindIndexed(PreparedStatement s, int i, boolean postgres, double[] b) throws SQLException {
        if (postgres) {
            for (double d : b) {
                s.setDouble(i++, d);
            }
            return i;
        }
        s.setString(i++, "LINESTRING (" + b[0] + " " + b[1] + ", " + b[2] + " " + b[3] + ")");
        return i;
    }

    static int bindExact(PreparedStatement s, int i, double[] b) throws SQLException {
        s.setDouble(i++, b[2]);
        s.setDouble(i++, b[0]);
        s.setDouble(i++, b[3]);
        s.setDouble(i++, b[1]);
        return i;
    }

    static final String STATES = "a.state IN ('ISSUED', 'EXPIRED', 'REVOKED')";

    static String where(boolean postgres, boolean inForceOnly, boolean withBox) {
        String statuses = inForceOnly ? "((a.state = 'ISSUED' AND (a.valid_until IS NULL OR a.valid_until >= ?)))"
                : "((a.state = 'ISSUED' AND (a.valid_until IS NULL OR a.valid_until >= ?)) OR a.state = 'EXPIRED' OR"
                        + " (a.state = 'ISSUED' AND a.valid_until < ?) OR a.state = 'REVOKED')";
        return STATES + " AND " + statuses + (withBox ? " AND ((" + indexed(postgres) + " AND a.footprint_west <= ?"
                + " AND a.footprint_east >= ? AND a.footprint_south <= ? AND a.footprint_north >= ?))" : "");
    }

    static int bindWhere(PreparedStatement s, boolean postgres, boolean inForceOnly, double[] box) throws SQLException {
        int i = 1;
        s.setObject(i++, TODAY);
        if (!inForceOnly) {
            s.setObject(i++, TODAY);
        }
        if (box != null) {
            i = bindIndexed(s, i, postgres, box);
            i = bindExact(s, i, box);
        }
        return i;
    }

    static int rawPublished(Connection c, boolean postgres, boolean inForceOnly, double[] box, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.organization_id, a.service_id,"
                + " a.service_version, a.state, a.issued_on, a.occupied_from, a.occupied_until, a.valid_until,"
                + " a.location_json FROM application a WHERE " + where(postgres, inForceOnly, box != null)
                + " ORDER BY a.id LIMIT ? OFFSET ?")) {
            int i = bindWhere(s, postgres, inForceOnly, box);
            s.setInt(i++, limit);
            s.setLong(i, 0);
            return drain(s);
        }
    }

    static int rawCount(Connection c, boolean postgres, double[] box, long cap) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 AS one FROM application a WHERE "
                + where(postgres, true, true) + " LIMIT ?) capped")) {
            int i = bindWhere(s, postgres, true, box);
            s.setLong(i, cap + 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return (int) r.getLong(1);
            }
        }
    }

    static int rawById(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.organization_id, a.service_id,"
                + " a.service_version, a.state, a.issued_on, a.occupied_from, a.occupied_until, a.valid_until,"
                + " a.location_json FROM application a WHERE a.id = ? AND " + STATES)) {
            s.setString(1, id);
            return drain(s);
        }
    }

    static int rawClash(Connection c, boolean postgres, Occupancy where, boolean throughTheIndex) throws SQLException {
        double[] box = {where.west(), where.south(), where.east(), where.north()};
        String sql = "SELECT a.* FROM application a WHERE a.organization_id = ? AND a.state = 'ISSUED'"
                + (throughTheIndex ? " AND " + STATES + " AND " + indexed(postgres) : "")
                + " AND a.occupied_from <= ? AND a.occupied_until >= ? AND a.bbox_west <= ? AND a.bbox_east >= ?"
                + " AND a.bbox_south <= ? AND a.bbox_north >= ? ORDER BY a.submitted_at";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, CAPITAL);
            if (throughTheIndex) {
                i = bindIndexed(s, i, postgres, box);
            }
            s.setObject(i++, where.until());
            s.setObject(i++, where.from());
            bindExact(s, i, box);
            return drain(s);
        }
    }

    /**
     * Reads every column of every row, as the stores do, and counts the rows; not H2's computed GEOMETRY, which
     * the stores never read.
     */
    private static int drain(PreparedStatement s) throws SQLException {
        int rows = 0;
        try (ResultSet r = s.executeQuery()) {
            var meta = r.getMetaData();
            List<Integer> columns = new ArrayList<>();
            for (int col = 1; col <= meta.getColumnCount(); col++) {
                if (!meta.getColumnTypeName(col).equalsIgnoreCase("GEOMETRY")) {
                    columns.add(col);
                }
            }
            while (r.next()) {
                for (int col : columns) {
                    r.getObject(col);
                }
                rows++;
            }
        }
        return rows;
    }
}
