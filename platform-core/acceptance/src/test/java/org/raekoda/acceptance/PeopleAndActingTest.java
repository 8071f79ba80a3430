package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.OfficerDecision.Action;
import org.raekoda.api.application.Principal;
import org.raekoda.api.application.Submission;
import org.raekoda.api.identity.AccessAuditEntry;
import org.raekoda.api.identity.Mandate;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.identity.Profile;
import org.raekoda.api.identity.VerifiedIdentity;
import org.raekoda.api.registry.LocalRepresentationRights;

/**
 * Persons, roles per organization and acting for others, on the real engine and stores, on PostgreSQL and on
 * H2: memberships and mandates granted, used and revoked, each in the access audit; companies represented
 * through the local source; the service centre's path; and officers who never decide what they acted in.
 */
class PeopleAndActingTest extends OnBothDatabases {

    private static final PartyCode COMPANY = new PartyCode("EE", "12345678");

    @ParameterizedTest
    @MethodSource("databases")
    void aMembershipGrantedUsedAndRevokedIsEachInTheAccessAudit(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("members");
        Caller root = login(platform, Platform.ROOT_PERSON);
        assertTrue(root.has(Role.PLATFORM_ADMIN), "configuration makes them platform administrator");
        PartyCode annaCode = code("49001010007");
        PartyCode olevCode = code("38002020016");

        Membership anna = platform.memberships.grant(root, town, annaCode, "Anna", Set.of(Role.ADMIN));
        Caller annaAsAdmin = login(platform, annaCode);
        assertTrue(annaAsAdmin.hasIn(town, Role.ADMIN));
        assertFalse(annaAsAdmin.has(Role.PLATFORM_ADMIN));
        Membership olev = platform.memberships.grant(annaAsAdmin, town, olevCode, "Olev", Set.of(Role.OFFICER));
        Caller officer = login(platform, olevCode);
        assertTrue(officer.hasIn(town, Role.OFFICER));
        assertEquals(Channel.SERVICE_CENTRE, officer.channel());

        assertForbidden(() -> platform.memberships.grant(officer, town, code("50001010006"), null, Set.of(Role.OFFICER)));
        assertForbidden(() -> platform.memberships.grant(Platform.RIGA_ADMIN, town, code("50001010006"), null,
                Set.of(Role.OFFICER)));
        ApplicationException notAnOrganizationRole = assertThrows(ApplicationException.class,
                () -> platform.memberships.grant(annaAsAdmin, town, code("50001010006"), null,
                        Set.of(Role.PLATFORM_ADMIN)));
        assertEquals("/roles", notAnOrganizationRole.fieldErrors().get(0).pointer());

        Caller resident = login(platform, code("60001010001"));
        Application application = platform.applications.submit(resident, example(town, "tree-felling", "review"));
        Application read = platform.applications.get(officer, application.id());
        assertEquals(code("60001010001"), read.applicantCode(), "an officer of the organization sees the code");
        assertNull(platform.applications.get(resident, application.id()).applicantCode(),
                "the code is staff's view, not added to the applicant's own");

        platform.memberships.revoke(annaAsAdmin, town, olev.id());
        Caller revoked = login(platform, olevCode);
        assertFalse(revoked.actsFor(town), "a revoked membership holds no more");
        assertThrows(ApplicationException.class, () -> platform.applications.get(revoked, application.id()));

        List<String> audit = platform.memberships.audit(annaAsAdmin, town, 100).stream()
                .map(line -> line.action() + " " + line.subject()).sorted().toList();
        assertEquals(java.util.stream.Stream.of("membership-granted " + anna.person(),
                "membership-granted " + olev.person(), "membership-revoked " + olev.person(),
                "read " + resident.subject()).sorted().toList(), audit);
        assertTrue(platform.applications.audit(Caller.officer("other-officer", town), application.id()).stream()
                .anyMatch(line -> line.action().equals("read") && line.actor().equals(officer.subject())),
                "the staff read is in the application's trail");
        assertForbidden(() -> platform.memberships.audit(revoked, town, 100));
        assertEquals(2, platform.memberships.list(annaAsAdmin, town).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMandateGrantedUsedAndRevokedIsEachInTheAccessAudit(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("mandates");
        Caller mother = login(platform, code("47001010004"));
        Caller son = login(platform, code("50001010006"));
        LocalDate today = LocalDate.now(Platform.CLOCK);
        Submission forMother = onBehalf(example(town, "tree-felling", "review"), Principal.Kind.PERSON,
                code("47001010004"));

        assertForbidden(() -> platform.applications.submit(son, forMother));
        Mandate mandate = platform.mandates.grant(mother, code("50001010006"), "Son", Set.of("tree-felling"),
                today.plusDays(30));
        assertEquals(List.of(mandate.id()), platform.mandates.received(son).stream().map(Mandate::id).toList());

        Application made = platform.applications.submit(son, forMother);
        assertEquals(mother.subject(), made.applicant(), "the application is the mother's");
        assertEquals(son.subject(), made.submittedBy(), "and records who acted");
        assertEquals(List.of(made.id()), platform.applications.mine(mother).stream().map(Application::id).toList());
        assertEquals(List.of(made.id()), platform.applications.mine(son).stream().map(Application::id).toList(),
                "my applications include those of whom I act for");
        assertForbidden(() -> platform.applications.submit(son,
                onBehalf(example(town, "advertising", "issued"), Principal.Kind.PERSON, code("47001010004"))));

        AuditEntry submitted = platform.applications.audit(Caller.officer("o", town), made.id()).get(0);
        assertEquals(son.subject(), submitted.actor());
        assertTrue(submitted.detail().contains("on behalf of " + mother.subject()), submitted.detail());

        platform.mandates.revoke(mother, mandate.id());
        assertForbidden(() -> platform.applications.submit(son, forMother));
        assertThrows(ApplicationException.class, () -> platform.applications.get(son, made.id()));
        assertThrows(ApplicationException.class, () -> platform.mandates.revoke(son, mandate.id()),
                "only the grantor revokes");

        List<String> aboutMother = platform.mandates.audit(mother, 100).stream().map(AccessAuditEntry::action)
                .sorted().toList();
        assertEquals(List.of("mandate-granted", "mandate-revoked", "mandate-used"), aboutMother);
        ApplicationException past = assertThrows(ApplicationException.class, () -> platform.mandates.grant(mother,
                code("50001010006"), null, Set.of(), today.minusDays(1)));
        assertEquals("/validUntil", past.fieldErrors().get(0).pointer());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRepresentativeAppliesForTheCompanyAndOthersMayNot(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("companies");
        platform.representationRights.replace(LocalRepresentationRights.fromCsv(new java.io.StringReader(
                "EE,38001085718,EE,12345678,Puit OÜ\n")));
        Caller mari = login(platform, code("38001085718"));
        Caller jaan = login(platform, code("39001010002"));
        Submission forCompany = onBehalf(example(town, "tree-felling", "review"), Principal.Kind.COMPANY, COMPANY);

        Application made = platform.applications.submit(mari, forCompany);
        assertEquals("company:EE:12345678", made.applicant());
        assertEquals(mari.subject(), made.submittedBy());
        assertTrue(platform.applications.mine(mari).stream().anyMatch(a -> a.id().equals(made.id())));
        assertForbidden(() -> platform.applications.submit(jaan, forCompany));
        assertThrows(ApplicationException.class, () -> platform.applications.get(jaan, made.id()));
        assertEquals(ApplicationState.WITHDRAWN, platform.applications.withdraw(mari, made.id()).state(),
                "a representative withdraws for the company");

        Profile profile = platform.people.profile(mari);
        assertEquals(List.of(COMPANY), profile.companies().stream().map(c -> c.company()).toList());
        assertEquals(code("38001085718"), profile.code());
        Caller officer = Caller.officer("company-officer", town);
        assertEquals(COMPANY, platform.applications.get(officer, made.id()).applicantCode());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aServiceCentreOfficerAppliesForAVisitorRecordedAsSuch(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("visitors");
        Caller root = login(platform, Platform.ROOT_PERSON);
        platform.memberships.grant(root, "riga", code("48001010003"), "Siiri", Set.of(Role.SERVICE_CENTRE));
        Caller counter = login(platform, code("48001010003"));
        Submission forVisitor = onBehalf(example(town, "tree-felling", "review"), Principal.Kind.PERSON,
                code("61001010000"));

        Application made = platform.applications.submit(counter, forVisitor);
        Caller visitor = login(platform, code("61001010000"));
        assertEquals(visitor.subject(), made.applicant());
        assertEquals(counter.subject(), made.submittedBy());
        List<AuditEntry> trail = platform.applications.audit(Caller.officer("o", town), made.id());
        assertEquals(Channel.SERVICE_CENTRE, trail.get(0).channel());
        assertTrue(trail.stream().anyMatch(line -> line.action().equals("acted-for-visitor")));
        assertEquals(List.of(made.id()), platform.applications.mine(visitor).stream().map(Application::id).toList());
        assertForbidden(() -> platform.applications.submit(login(platform, code("39001010002")), forVisitor));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOfficerDoesNotDecideAnApplicationTheyActedIn(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("impartial");
        Caller root = login(platform, Platform.ROOT_PERSON);
        platform.memberships.grant(root, town, code("38003030025"), "Peeter", Set.of(Role.OFFICER));
        Caller officer = login(platform, code("38003030025"));
        Caller aunt = login(platform, code("46001010005"));
        platform.mandates.grant(aunt, code("38003030025"), null, Set.of(), LocalDate.now(Platform.CLOCK).plusDays(5));

        Application made = platform.applications.submit(officer, onBehalf(example(town, "tree-felling", "review"),
                Principal.Kind.PERSON, code("46001010005")));
        assertEquals(ApplicationState.IN_REVIEW, made.state());
        assertForbidden(() -> platform.applications.decide(officer, made.id(),
                new OfficerDecision(Action.ISSUE, "fine", made.version())));
        Application issued = platform.applications.decide(Caller.officer("colleague", town), made.id(),
                new OfficerDecision(Action.ISSUE, "fine", made.version()));
        assertEquals(ApplicationState.ISSUED, issued.state());
    }

    private static Caller login(Platform platform, PartyCode person) {
        return platform.people.callerFor(new VerifiedIdentity("test", person, null, Instant.now().plusSeconds(600)));
    }

    private static PartyCode code(String personalCode) {
        return new PartyCode("EE", personalCode);
    }

    private static void assertForbidden(Executable call) {
        ApplicationException refused = assertThrows(ApplicationException.class, call);
        assertEquals(ApplicationException.Kind.FORBIDDEN, refused.kind(), refused.getMessage());
    }

    private static Submission example(String town, String service, String name) throws Exception {
        return EServiceExamplesTest.submission(town, service, EServiceExamplesTest.example(service, name));
    }

    private static Submission onBehalf(Submission submission, Principal.Kind kind, PartyCode code) {
        return new Submission(submission.organization(), submission.service(), submission.form(),
                submission.location(), null, new Principal(kind, code, null));
    }
}
