package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.PublishedExtent;
import org.raekoda.store.spi.PublishedRow;
import org.raekoda.store.spi.PublishedSearch;
import org.raekoda.store.spi.PublishedSearch.Box;

/**
 * The public register's store and the spatial index under it, on real PostgreSQL (GiST over box) and on the
 * embedded H2 (spatial index over GEOMETRY): boxes, days, statuses, paging, the capped count, and a database
 * migrated from change set 012 with permits in it.
 */
class JpaPublishedPermitStoreTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aBoxFindsTheFootprintsThatIntersectItAndNoneJustOutside(String kind, DataSource database) throws Exception {
        try (Stores stores = Stores.on(database)) {
            String inside = stores.issued(square(24.70, 59.40, 0.001), null, TODAY.plusDays(10));
            String touching = stores.issued(square(24.80, 59.40, 0.001), null, TODAY.plusDays(10));
            String justOutside = stores.issued(square(24.8000001, 59.40, 0.001), null, TODAY.plusDays(10));
            // A diagonal line from south-west of the box to north-east of it: its box covers the search box.
            String crossing = stores.issued(line(24.60, 59.30, 24.90, 59.60), null, TODAY.plusDays(10));
            String farAway = stores.issued(square(26.70, 58.30, 0.001), null, TODAY.plusDays(10));
            String noLocation = stores.issued(null, null, TODAY.plusDays(10));

            Box box = new Box(24.69, 59.39, 24.80, 59.42);
            List<String> found = ids(stores.published.published(search(List.of(box), null, null, 100, 0)));

            assertEquals(sorted(inside, touching, crossing), found, kind);
            assertFalse(found.contains(justOutside), "1e-7 degrees outside is outside");
            assertFalse(found.contains(farAway));
            assertEquals(6, stores.published.published(search(null, null, null, 100, 0)).size(),
                    "without a box every permit, those without a location too: " + noLocation);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aBoxAcrossTheAntimeridianIsAskedAsItsTwoHalvesInOneOrder(String kind, DataSource database) throws Exception {
        try (Stores stores = Stores.on(database)) {
            String east = stores.issued(square(179.5, -17.0, 0.01), null, TODAY.plusDays(10));
            String west = stores.issued(square(-179.5, -17.0, 0.01), null, TODAY.plusDays(10));
            stores.issued(square(0, -17.0, 0.01), null, TODAY.plusDays(10));

            List<Box> halves = List.of(new Box(179, -18, 180, -16), new Box(-180, -18, -179, -16));
            assertEquals(sorted(east, west), ids(stores.published.published(search(halves, null, null, 100, 0))));
            assertEquals(OptionalLong.of(2), stores.published.countPublished(search(halves, null, null, 100, 0), 10));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void daysOverlapFromTheEarlierOfIssueAndOccupationThroughTheValidity(String kind, DataSource database)
            throws Exception {
        try (Stores stores = Stores.on(database)) {
            // Issued on 10 March for works from 1 to 5 March (the officer issued it late), valid to 31 March.
            Occupancy works = new Occupancy(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-05"), 24.7,
                    59.4, 24.701, 59.401);
            String late = stores.issued(square(24.7, 59.4, 0.001), works, LocalDate.parse("2026-03-31"));
            // No occupancy: its time runs from the day of issue.
            String plain = stores.issued(square(24.7, 59.4, 0.001), null, LocalDate.parse("2026-03-31"));

            assertEquals(sorted(late, plain), days(stores, "2026-03-31", null), "the last valid day overlaps");
            assertEquals(List.of(), days(stores, "2026-04-01", null), "the day after the validity does not");
            assertEquals(List.of(late), days(stores, null, "2026-03-01"), "the first occupied day overlaps");
            assertEquals(List.of(), days(stores, null, "2026-02-28"), "the day before it does not");
            assertEquals(sorted(late, plain), days(stores, null, "2026-03-10"), "the day of issue overlaps");
            assertEquals(List.of(late), days(stores, "2026-03-02", "2026-03-09"), "the works, before the issue");
            assertEquals(sorted(late, plain), days(stores, "2026-03-20", "2026-03-20"));
        }
    }

    private static List<String> days(Stores stores, String from, String until) {
        PublishedSearch search = new PublishedSearch(null, null, true, true, true, TODAY, null,
                from == null ? null : LocalDate.parse(from), until == null ? null : LocalDate.parse(until), 100, 0);
        return ids(stores.published.published(search));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void statusesSplitIssuedPermitsAndNothingElseIsEverPublished(String kind, DataSource database) throws Exception {
        try (Stores stores = Stores.on(database)) {
            String inForce = stores.issued(square(24.7, 59.4, 0.001), null, TODAY);
            String pastItsDay = stores.issued(square(24.7, 59.4, 0.001), null, TODAY.minusDays(1));
            String expired = stores.stored("EXPIRED", square(24.7, 59.4, 0.001), null, TODAY.minusDays(30));
            String revoked = stores.stored("REVOKED", square(24.7, 59.4, 0.001), null, TODAY.plusDays(30));
            List<String> unpublished = new ArrayList<>();
            for (String state : List.of("DRAFT", "SUBMITTED", "IN_REVIEW", "REJECTED", "WITHDRAWN")) {
                unpublished.add(stores.stored(state, square(24.7, 59.4, 0.001), null, null));
            }

            assertEquals(List.of(inForce), status(stores, true, false, false), "valid today is in force");
            assertEquals(sorted(pastItsDay, expired), status(stores, false, true, false));
            assertEquals(List.of(revoked), status(stores, false, false, true));
            assertEquals(sorted(inForce, pastItsDay, expired, revoked), status(stores, true, true, true));
            assertEquals(List.of(), status(stores, false, false, false));
            for (String id : unpublished) {
                assertTrue(stores.published.published(id).isEmpty(), id);
            }
            PublishedRow row = stores.published.published(revoked).orElseThrow();
            assertEquals("REVOKED", row.state());
            assertEquals(LocalDate.parse("2026-03-10"), row.issuedOn());
        }
    }

    private static List<String> status(Stores stores, boolean inForce, boolean expired, boolean revoked) {
        return ids(stores.published.published(new PublishedSearch(null, null, inForce, expired, revoked, TODAY, null,
                null, null, 100, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void pagesVisitEveryPermitOnceAndTheCountStopsAtItsCap(String kind, DataSource database) throws Exception {
        try (Stores stores = Stores.on(database)) {
            Set<String> all = new HashSet<>();
            for (int i = 0; i < 57; i++) {
                all.add(stores.issued(square(24.7 + i * 0.001, 59.4, 0.0005), null, TODAY.plusDays(i)));
            }
            stores.issued(square(10, 10, 0.001), null, TODAY);
            Box box = new Box(24.6, 59.3, 24.8, 59.5);

            List<String> visited = new ArrayList<>();
            for (long offset = 0;; offset += 10) {
                List<String> page = ids(stores.published.published(search(List.of(box), null, null, 10, offset)));
                if (page.isEmpty()) {
                    break;
                }
                visited.addAll(page);
            }
            assertEquals(57, visited.size());
            assertEquals(all, new HashSet<>(visited));
            assertEquals(OptionalLong.of(57), stores.published.countPublished(search(List.of(box), null, null, 1, 0),
                    57));
            assertEquals(OptionalLong.empty(), stores.published.countPublished(search(List.of(box), null, null, 1, 0),
                    56), "above the cap the count is left out");
            assertEquals(OptionalLong.of(58), stores.published.countPublished(search(null, null, null, 1, 0), 1000));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void issueDaysDecisionsAndExtentAreTheStoresOwn(String kind, DataSource database) throws Exception {
        try (Stores stores = Stores.on(database)) {
            // At noon UTC it is already the next day on Kiritimati (UTC+14).
            stores.organizations.save(new OrganizationRow("kiritimati", "MUNICIPALITY", "{}", "Pacific/Kiritimati"));
            String east = stores.insert(row("kiritimati", "ISSUED", square(-157.4, 1.87, 0.001), null,
                    LocalDate.parse("2026-04-30")), List.of());
            assertEquals(LocalDate.parse("2026-03-11"), stores.published.published(east).orElseThrow().issuedOn());

            // An application an officer issues later: its day of issue is the day it entered ISSUED.
            ApplicationRow inReview = row("tartu", "IN_REVIEW", square(24.7, 59.4, 0.001), null, null);
            String reviewed = stores.insert(inReview, List.of());
            ApplicationRow stored = stores.applications.find(reviewed).orElseThrow();
            Instant later = Instant.parse("2026-03-20T08:00:00Z");
            stores.applications.update(stored.withIssued(LocalDate.parse("2026-05-01"), null).withState("ISSUED", later),
                    stored.version(), decision(reviewed, "ISSUED", later), null);
            assertEquals(LocalDate.parse("2026-03-20"), stores.published.published(reviewed).orElseThrow().issuedOn());

            String twice = stores.issued(square(24.71, 59.41, 0.001), null, TODAY);
            stores.decisions(decision(twice, "ISSUED", NOON.plusSeconds(3600)), decision(twice, "IN_REVIEW",
                    NOON.plusSeconds(7200)));
            Map<String, DecisionRow> latest = stores.published.latestDecisions(List.of(east, reviewed, twice, "none"));
            assertEquals(Set.of(east, reviewed, twice), latest.keySet());
            assertEquals(NOON.plusSeconds(3600), latest.get(twice).decidedAt(),
                    "the latest decision that issued or revoked it, not a later verdict");

            PublishedExtent all = stores.published.extent(null);
            assertEquals(-157.4, all.west(), 1e-9);
            assertEquals(59.411, all.north(), 1e-9);
            assertEquals(LocalDate.parse("2026-03-10"), all.first());
            assertEquals(TODAY, all.last());
            assertEquals(null, stores.published.extent("no-such-service").west());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void permitsStoredBeforeChangeSet013AreFoundByABoxOnceMigrated(String kind, DataSource database)
            throws Exception {
        SchemaMigrator.migrate(database, "org/raekoda/persistence/changelog/until-012.xml");
        String excavation = UUID.randomUUID().toString();
        String graveSite = UUID.randomUUID().toString();
        String rejected = UUID.randomUUID().toString();
        try (Connection connection = database.getConnection()) {
            execute(connection, "INSERT INTO organization (id, kind, name_json, time_zone) VALUES"
                    + " ('kiritimati', 'MUNICIPALITY', '{}', 'Pacific/Kiritimati')");
            // An excavation with an occupancy (its box in bbox_*), a grave site with a location and no occupancy
            oldRow(connection, excavation, "ISSUED", square(-157.40, 1.87, 0.001), "2026-03-12", -157.40, 1.87);
            oldRow(connection, graveSite, "ISSUED", square(-157.39, 1.871, 0.0001), null, 0, 0);
            oldRow(connection, rejected, "REJECTED", square(-157.40, 1.87, 0.001), null, 0, 0);
            for (String id : List.of(excavation, graveSite)) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO decision (id, application_id,"
                        + " outcome, automatic, decided_by, decided_at) VALUES (?, ?, 'ISSUED', TRUE, 'raekoda', ?)")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, id);
                    insert.setObject(3, OffsetDateTime.ofInstant(NOON, ZoneOffset.UTC));
                    insert.executeUpdate();
                }
            }
        }

        SchemaMigrator.migrate(database);

        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            JpaPublishedPermitStore published = JpaPublishedPermitStore.over(TestDatabases.transactions(factory));
            Box kiritimati = new Box(-157.5, 1.8, -157.3, 1.9);
            List<PublishedRow> found = published.published(search(List.of(kiritimati), null, null, 100, 0));
            assertEquals(sorted(excavation, graveSite), ids(found), kind);
            assertEquals(List.of(graveSite), ids(published.published(search(List.of(new Box(-157.3901, 1.8709,
                    -157.3899, 1.8711)), null, null, 100, 0))), "the grave site's own footprint, read from its GeoJSON");
            for (PublishedRow row : found) {
                assertEquals(LocalDate.parse("2026-03-11"), row.issuedOn(), "issued at noon UTC, a day later there");
            }
        } finally {
            factory.close();
        }
    }

    private static void oldRow(Connection connection, String id, String state, String location, String occupiedFrom,
            double west, double south) throws Exception {
        boolean occupies = occupiedFrom != null;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO application (id, organization_id,"
                + " service_id, service_version, applicant, state, form_json, location_json, fee, currency,"
                + " valid_until, row_version, submitted_at, updated_at, occupied_from, occupied_until, bbox_west,"
                + " bbox_south, bbox_east, bbox_north) VALUES (?, 'kiritimati', 'excavation', '1.0', 'EE37001010008',"
                + " ?, '{}', ?, 0, 'EUR', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime submitted = OffsetDateTime.ofInstant(NOON.minusSeconds(60), ZoneOffset.UTC);
            insert.setString(1, id);
            insert.setString(2, state);
            insert.setString(3, location);
            insert.setObject(4, TODAY.plusDays(30));
            insert.setObject(5, submitted);
            insert.setObject(6, submitted);
            insert.setObject(7, occupies ? LocalDate.parse(occupiedFrom) : null, java.sql.Types.DATE);
            insert.setObject(8, occupies ? LocalDate.parse(occupiedFrom).plusDays(3) : null, java.sql.Types.DATE);
            for (int i = 0; i < 4; i++) {
                double value = i == 0 ? west : i == 1 ? south : i == 2 ? west + 0.001 : south + 0.001;
                insert.setObject(9 + i, occupies ? value : null, java.sql.Types.DOUBLE);
            }
            insert.executeUpdate();
        }
    }

    private static void execute(Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static PublishedSearch search(List<Box> boxes, LocalDate from, LocalDate until, int limit, long offset) {
        return new PublishedSearch(null, null, true, false, false, TODAY, boxes, from, until, limit, offset);
    }

    static List<String> ids(List<PublishedRow> rows) {
        return rows.stream().map(PublishedRow::id).toList();
    }

    static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }

    static String square(double west, double south, double size) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
                + "[%s,%s]]]}", west, south, west + size, south, west + size, south + size, west, south + size, west,
                south);
    }

    static String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],[%s,%s]]}", x1, y1, x2,
                y2);
    }

    static ApplicationRow row(String organization, String state, String location, Occupancy occupancy,
            LocalDate validUntil) {
        return new ApplicationRow(UUID.randomUUID().toString(), organization, "excavation", "1.0", "EE37001010008",
                state, "{}", location, BigDecimal.ZERO, "EUR", null, null, null, validUntil, 0, NOON, NOON, null, null,
                occupancy);
    }

    static DecisionRow decision(String applicationId, String outcome, Instant at) {
        return new DecisionRow(UUID.randomUUID().toString(), applicationId, outcome, "AUTOMATIC", true, "ISSUE",
                "hash", "{\"results\":[]}", "", "raekoda", at);
    }

    /** The stores on a migrated database, with one municipality. */
    static final class Stores implements AutoCloseable {
        final EntityManagerFactory factory;
        final JpaApplicationStore applications;
        final JpaOrganizationStore organizations;
        final JpaPublishedPermitStore published;

        private Stores(DataSource database) throws Exception {
            SchemaMigrator.migrate(database);
            factory = TestDatabases.entityManagers(database);
            Transactions tx = TestDatabases.transactions(factory);
            applications = JpaApplicationStore.over(tx);
            organizations = JpaOrganizationStore.over(tx);
            published = JpaPublishedPermitStore.over(tx);
            organizations.save(new OrganizationRow("tartu", "MUNICIPALITY", "{}"));
        }

        static Stores on(DataSource database) throws Exception {
            return new Stores(database);
        }

        String issued(String location, Occupancy occupancy, LocalDate validUntil) {
            return stored("ISSUED", location, occupancy, validUntil);
        }

        String stored(String state, String location, Occupancy occupancy, LocalDate validUntil) {
            return insert(row("tartu", state, location, occupancy, validUntil), List.of());
        }

        String insert(ApplicationRow row, List<DecisionRow> decisions) {
            List<DecisionRow> all = new ArrayList<>(decisions);
            if (List.of("ISSUED", "EXPIRED", "REVOKED").contains(row.state())) {
                all.add(decision(row.id(), "ISSUED", NOON));
            }
            return applications.insert(row, all, List.of(), null).id();
        }

        void decisions(DecisionRow... decisions) {
            for (DecisionRow decision : decisions) {
                ApplicationRow row = applications.find(decision.applicationId()).orElseThrow();
                applications.update(row, row.version(), decision, null);
            }
        }

        @Override
        public void close() {
            factory.close();
        }
    }
}
