package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.OrganizationRow;

/**
 * The clash check through the spatial index finds exactly what the row-by-row filter on the occupancy's columns
 * found before change set 013 (its JPQL is kept here as the oracle), on random permits on a coarse grid, where
 * boxes and periods often touch exactly at an edge or a day.
 */
class ClashCheckThroughTheIndexTest {

    private static final String BEFORE = "select a.id from ApplicationEntity a where a.organization = :organization"
            + " and a.state = 'ISSUED' and a.occupiedFrom <= :until and a.occupiedUntil >= :from"
            + " and a.west <= :east and a.east >= :west and a.south <= :north and a.north >= :south"
            + " order by a.submittedAt";

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void theIndexFindsWhatTheFilterFound(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            Transactions tx = TestDatabases.transactions(factory);
            JpaApplicationStore store = JpaApplicationStore.over(tx);
            JpaOrganizationStore organizations = JpaOrganizationStore.over(tx);
            organizations.save(new OrganizationRow("tartu", "MUNICIPALITY", "{}"));
            organizations.save(new OrganizationRow("riga", "MUNICIPALITY", "{}"));
            Random random = new Random(13);
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            List<String> states = List.of("ISSUED", "ISSUED", "ISSUED", "EXPIRED", "REVOKED", "IN_REVIEW", "REJECTED");
            for (int i = 0; i < 250; i++) {
                Occupancy occupancy = occupancy(random);
                String location = String.format(Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%s,%s],"
                        + "[%s,%s]]}", occupancy.west(), occupancy.south(), occupancy.east(), occupancy.north());
                store.insert(new ApplicationRow(UUID.randomUUID().toString(), random.nextInt(4) == 0 ? "riga" : "tartu",
                        "excavation", "1.0", "EE37001010008", states.get(random.nextInt(states.size())), "{}", location,
                        BigDecimal.ZERO, "EUR", null, null, null, occupancy.until().plusDays(30), 0,
                        at.plusSeconds(i), at.plusSeconds(i), null, null, occupancy), List.of(), List.of(), null);
            }
            int nonEmpty = 0;
            for (int i = 0; i < 120; i++) {
                Occupancy where = occupancy(random);
                List<String> now = store.issuedOccupying("tartu", where).stream().map(ApplicationRow::id).toList();
                List<String> before = tx.inTransaction(em -> em.createQuery(BEFORE, String.class)
                        .setParameter("organization", "tartu").setParameter("from", where.from())
                        .setParameter("until", where.until()).setParameter("west", where.west())
                        .setParameter("east", where.east()).setParameter("south", where.south())
                        .setParameter("north", where.north()).getResultList());
                assertEquals(before, now, kind + " " + where);
                nonEmpty += now.isEmpty() ? 0 : 1;
            }
            assertTrue(nonEmpty > 20, "the searches find something often enough to compare: " + nonEmpty);
        } finally {
            factory.close();
        }
    }

    /** Boxes on a 0.001° grid over a small town, a few cells wide, and periods of days in one season. */
    private static Occupancy occupancy(Random random) {
        double west = 26.7 + random.nextInt(20) * 0.001;
        double south = 58.37 + random.nextInt(20) * 0.001;
        LocalDate from = LocalDate.parse("2026-05-01").plusDays(random.nextInt(60));
        return new Occupancy(from, from.plusDays(random.nextInt(10)), west, south,
                west + random.nextInt(4) * 0.001, south + random.nextInt(4) * 0.001);
    }
}
