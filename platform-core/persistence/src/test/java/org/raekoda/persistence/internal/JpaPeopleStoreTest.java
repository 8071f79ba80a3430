package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.registry.LocalRepresentationRights;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.MandateRow;
import org.raekoda.store.spi.MembershipRow;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.PersonRow;

/** Persons, memberships, mandates and representation rights on real PostgreSQL and on the embedded H2 default. */
class JpaPeopleStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void aPersonSeenByManyNodesAtOnceIsRecordedOnce(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            JpaPeopleStore people = new JpaPeopleStore(TestDatabases.transactions(factory));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<PersonRow>> seen = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                seen.add(pool.submit(() -> {
                    start.await();
                    return people.signIn("EE", "38001085718", "Mari Maasikas", NOW).person();
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<PersonRow> person : seen) {
                ids.add(person.get().id());
            }
            assertEquals(1, ids.size(), "one person, one id: " + ids);
            assertEquals(ids.iterator().next(), people.findOrCreate("EE", "38001085718", null, NOW).id());
            assertFalse(ids.contains("38001085718"));
        } finally {
            pool.shutdownNow();
            factory.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void signingInReadsOnlyLiveMemberships(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            Transactions tx = TestDatabases.transactions(factory);
            JpaOrganizationStore organizations = JpaOrganizationStore.over(tx);
            organizations.save(new OrganizationRow("tartu", "MUNICIPALITY", "{\"en\":\"tartu\"}"));
            organizations.save(new OrganizationRow("riga", "MUNICIPALITY", "{\"en\":\"riga\"}"));
            PeopleStore people = JpaPeopleStore.over(tx);
            PersonRow mari = people.findOrCreate("EE", "38001085718", "Mari", NOW);
            assertEquals(List.of(), people.signIn("EE", "38001085718", "Mari", NOW).memberships());

            MembershipRow officer = membership("tartu", mari.id(), "OFFICER");
            people.grant(officer, line("membership-granted", "tartu", mari.id()));
            people.grant(membership("riga", mari.id(), "ADMIN,OFFICER"), line("membership-granted", "riga", mari.id()));
            assertEquals(2, people.signIn("EE", "38001085718", "Mari", NOW).memberships().size());

            MembershipRow revoked = people.revoke(officer.id(), "root", NOW, line("membership-revoked", "tartu", mari.id()));
            people.revoke(officer.id(), "root", NOW, line("membership-revoked", "tartu", mari.id()));
            assertEquals("root", revoked.revokedBy());
            PeopleStore.Known known = people.signIn("EE", "38001085718", "Mari Maasikas", NOW);
            assertEquals(List.of("riga"), known.memberships().stream().map(MembershipRow::organization).toList());
            assertEquals("Mari Maasikas", known.person().name(), "the name the identity provider gives now");
            assertEquals(List.of("membership-granted", "membership-revoked"), people.accessAudit("tartu", 10).stream()
                    .map(AccessAuditRow::action).sorted().toList(), "a second revoke adds no line");
        } finally {
            factory.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void mandatesHoldUntilTheyExpireOrAreRevoked(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            PeopleStore people = new JpaPeopleStore(TestDatabases.transactions(factory));
            PersonRow son = people.findOrCreate("EE", "50001010006", "Son", NOW);
            LocalDate today = LocalDate.parse("2026-11-23");
            MandateRow mandate = new MandateRow(UUID.randomUUID().toString(), "mother", son.id(), "Son", "",
                    today.plusDays(1), NOW, null, null);
            people.grant(mandate, line("mandate-granted", null, son.id()));
            assertEquals(1, people.mandatesHeld(son.id(), today.plusDays(1)).size());
            assertEquals(0, people.mandatesHeld(son.id(), today.plusDays(2)).size(), "expired");
            people.revokeMandate(mandate.id(), "mother", NOW, line("mandate-revoked", null, son.id()));
            assertEquals(0, people.mandatesHeld(son.id(), today).size(), "revoked");
            assertEquals(1, people.mandatesGiven("mother").size());
        } finally {
            factory.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.raekoda.persistence.internal.TestDatabases#fresh")
    void theLocalSourceOfRepresentationRightsIsReplacedByALoad(String kind, DataSource database) throws Exception {
        SchemaMigrator.migrate(database);
        EntityManagerFactory factory = TestDatabases.entityManagers(database);
        try {
            JpaRepresentationRights rights = new JpaRepresentationRights(TestDatabases.transactions(factory));
            assertEquals(2, rights.replace(LocalRepresentationRights.fromCsv(new StringReader(
                    "# person,company\nee,38001085718,EE,12345678,Puit OÜ, Tartu\nEE,38001085718,LV,40003000000,SIA Koks\n"))));
            PartyCode mari = new PartyCode("EE", "38001085718");
            assertTrue(rights.represents(mari, new PartyCode("EE", "12345678")));
            assertFalse(rights.represents(new PartyCode("EE", "50001010006"), new PartyCode("EE", "12345678")));
            assertEquals("Puit OÜ, Tartu", rights.companiesOf(mari).get(0).name());
            assertEquals(1, rights.replace(LocalRepresentationRights.fromCsv(new StringReader("EE,50001010006,EE,12345678"))));
            assertFalse(rights.represents(mari, new PartyCode("EE", "12345678")), "a load replaces the source");
            assertEquals(1, rights.size());
        } finally {
            factory.close();
        }
    }

    private static MembershipRow membership(String organization, String person, String roles) {
        return new MembershipRow(UUID.randomUUID().toString(), organization, person, "Mari", roles, "root", NOW, null,
                null);
    }

    private static AccessAuditRow line(String action, String organization, String subject) {
        return new AccessAuditRow(NOW, "root", organization, action, subject, null, "");
    }
}
