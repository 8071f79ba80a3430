package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.PublishedSearch;

/**
 * Reads through the spatial index while other transactions write the same rows, as the clash check and the public
 * map do while applications are submitted and decided. H2's spatial index fails such reads now and then ("Timeout
 * trying to lock table", "Row not found in primary index"); FootprintIndex.read tries them again. Without it this
 * test failed on H2 (it was seen first as a clash check failing in PermitConflictsTest on CI).
 */
class SpatialIndexUnderWritesTest {

    private static final Occupancy PLACE = new Occupancy(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-10"),
            26.7220, 58.3800, 26.7230, 58.3810);

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void readsThroughTheIndexSucceedWhileTheSameRowsAreWritten(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            Transactions tx = TestDatabases.transactions(factory);
            JpaApplicationStore store = JpaApplicationStore.over(tx);
            JpaPublishedPermitStore published = JpaPublishedPermitStore.over(tx);
            JpaOrganizationStore.over(tx).save(new OrganizationRow("tartu", "MUNICIPALITY", "{}"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger writes = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            Instant at = Instant.now();
                            ApplicationRow row = store.insert(new ApplicationRow(UUID.randomUUID().toString(), "tartu",
                                    "excavation", "1.0", "applicant", "IN_REVIEW", "{}", "{\"type\":\"LineString\","
                                    + "\"coordinates\":[[26.7221,58.3801],[26.7229,58.3809]]}", BigDecimal.ZERO, "EUR",
                                    null, null, null, PLACE.until(), 0, at, at, null, null, PLACE), List.of(),
                                    List.of(), null);
                            store.update(row.withState("ISSUED", at), row.version(), null, new AuditRow(row.id(),
                                    "tartu", at, "officer", "WEB", "decided", "IN_REVIEW", "ISSUED", ""));
                            writes.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            PublishedSearch search = new PublishedSearch(null, "tartu", true, true, true, LocalDate.parse("2026-06-05"),
                    List.of(new PublishedSearch.Box(26.70, 58.37, 26.75, 58.39)), null, null, 500, 0);
            for (int r = 0; r < 3; r++) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            store.issuedOccupying("tartu", PLACE);
                            published.published(search);
                            published.countPublished(search, 100_000);
                            reads.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            for (Future<?> task : running) {
                task.get(60, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), failures.stream().map(Throwable::toString).limit(3).toList(),
                    kind + ": " + failures.size() + " of " + (reads.get() + writes.get() + failures.size())
                            + " operations failed");
            assertTrue(reads.get() > 5 && writes.get() > 5, kind + ": reads " + reads + ", writes " + writes);
        } finally {
            threads.shutdownNow();
            factory.close();
        }
    }
}
