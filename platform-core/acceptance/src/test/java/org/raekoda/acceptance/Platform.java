package org.raekoda.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriteriaService;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.application.Submission;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.registry.RegisterRow;
import org.raekoda.engine.internal.application.ApplicationServiceImpl;
import org.raekoda.engine.internal.application.CriteriaServiceImpl;
import org.raekoda.engine.internal.application.OrganizationServiceImpl;
import org.raekoda.engine.internal.eservice.CatalogueImpl;
import org.raekoda.engine.internal.eservice.DefinitionReader;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.integration.local.cemetery.internal.LocalCemeteryRegistry;
import org.raekoda.persistence.internal.JpaApplicationStore;
import org.raekoda.engine.internal.identity.MandatesImpl;
import org.raekoda.engine.internal.identity.MembershipsImpl;
import org.raekoda.engine.internal.identity.PeopleImpl;
import org.raekoda.persistence.internal.JpaLocalRegisters;
import org.raekoda.persistence.internal.JpaPeopleStore;
import org.raekoda.persistence.internal.JpaRepresentationRights;
import org.raekoda.persistence.internal.TestDatabases;
import org.raekoda.persistence.internal.JpaOrganizationStore;
import org.raekoda.persistence.internal.SchemaMigrator;
import org.raekoda.persistence.internal.Transactions;


/**
 * The real engine on the real stores on a real, fresh database: what runs in Karaf, wired by hand.
 * Two municipalities offer every e-service whose permit bundle is on the test class path, in automatic mode.
 */
final class Platform implements AutoCloseable {

    static final Caller PLATFORM_ADMIN = new Caller("root", null, java.util.Set.of(Caller.Role.PLATFORM_ADMIN),
            org.raekoda.api.application.Channel.SERVICE_CENTRE);
    static final Caller TARTU_ADMIN = Caller.admin("tartu-admin", "tartu");
    static final Caller RIGA_ADMIN = Caller.admin("riga-admin", "riga");
    static final Caller TARTU_OFFICER = Caller.officer("tartu-officer", "tartu");

    /** The day the e-services' examples were written for (their {@code asOf}): their dates lie ahead of it. */
    static final LocalDate EXAMPLES_AS_OF = LocalDate.parse("2026-11-23");

    /**
     * The platform's clock: running, but on {@link #EXAMPLES_AS_OF} at noon UTC when the tests start, so that
     * the examples' periods have not begun whatever day the tests run.
     */
    static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
            Duration.between(Instant.now(), EXAMPLES_AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC)));

    final String kind;
    final DataSource dataSource;
    final ApplicationService applications;
    final CriteriaService criteria;
    final OrganizationService organizations;
    final JpaOrganizationStore organizationStore;
    final JpaPeopleStore peopleStore;
    final JpaRepresentationRights representationRights;
    final PeopleImpl people;
    final MembershipsImpl memberships;
    final MandatesImpl mandates;
    final org.raekoda.api.map.PublicPermits publicPermits;
    private final EntityManagerFactory entityManagers;
    private final JpaLocalRegisters registers;

    /** The platform administrator configuration names, by personal code (a test-only code). */
    static final org.raekoda.api.identity.PartyCode ROOT_PERSON = new org.raekoda.api.identity.PartyCode("EE",
            "37001010008");

    /** The zone layers of the sample town (module permit-bundles/sample-layers), by name. */
    static final List<String> SAMPLE_LAYERS = List.of("heritage", "residential", "protected-area", "main-street",
            "restricted-street");

    private Platform(String kind, DataSource dataSource) throws Exception {
        this.kind = kind;
        this.dataSource = dataSource;
        SchemaMigrator.migrate(dataSource);
        entityManagers = TestDatabases.entityManagers(dataSource);
        Transactions tx = TestDatabases.transactions(entityManagers);
        JpaApplicationStore applicationStore = JpaApplicationStore.over(tx);
        organizationStore = JpaOrganizationStore.over(tx);
        CatalogueImpl catalogue = new CatalogueImpl(organizationStore);
        for (String service : SERVICES) {
            catalogue.add(definition(service));
        }
        catalogue.add(definition(CORE_SERVICE));
        peopleStore = JpaPeopleStore.over(tx);
        representationRights = JpaRepresentationRights.over(tx);
        ApplicationServiceImpl engine = new ApplicationServiceImpl(catalogue, applicationStore, organizationStore,
                peopleStore, new RuleEngine(), new FormValidator(), CLOCK);
        engine.addRepresentationRights(representationRights);
        people = new PeopleImpl(peopleStore, " ee37001010008 ,", CLOCK);
        people.addRepresentationRights(representationRights);
        memberships = new MembershipsImpl(peopleStore, organizationStore, CLOCK);
        mandates = new MandatesImpl(peopleStore, CLOCK);
        registers = JpaLocalRegisters.over(tx);
        engine.addRegistry(new LocalCemeteryRegistry(registers));
        applications = engine;
        criteria = new CriteriaServiceImpl(catalogue, applicationStore, organizationStore, new RuleEngine());
        organizations = new OrganizationServiceImpl(organizationStore, catalogue);
        publicPermits = new org.raekoda.engine.internal.map.PublicPermitsImpl(
                org.raekoda.persistence.internal.JpaPublishedPermitStore.over(tx), CLOCK);
        for (String id : new String[] {"tartu", "riga"}) {
            organizations.save(PLATFORM_ADMIN, new Organization(id, Organization.Kind.MUNICIPALITY, LocalizedText.of(id)));
            for (String service : SERVICES) {
                organizations.enable(PLATFORM_ADMIN, id, service, true, AutomationMode.AUTOMATIC);
            }
            organizations.enable(PLATFORM_ADMIN, id, CORE_SERVICE, true, AutomationMode.AUTOMATIC);
            loadPlots(id);
        }
    }

    /** The local cemetery register the grave-site examples need; one occupied plot for the tests. */
    private void loadPlots(String organization) {
        registers.replace(organization, "cemetery", RegisterRow.fromCsv(new java.io.StringReader(
                "# cemetery,section,plot,status\nraadi,12,34,free\nraadi,7,102,free\nraadi,12,35,occupied\n")));
    }

    /**
     * A new municipality of its own, so that a test's permits clash with nothing from other tests: every
     * e-service in automatic mode, the sample town's zone layers loaded, its plots in the cemetery register.
     */
    String municipality(String id) throws IOException {
        organizations.save(PLATFORM_ADMIN, new Organization(id, Organization.Kind.MUNICIPALITY, LocalizedText.of(id)));
        for (String service : SERVICES) {
            organizations.enable(PLATFORM_ADMIN, id, service, true, AutomationMode.AUTOMATIC);
        }
        for (String layer : SAMPLE_LAYERS) {
            organizations.saveZoneLayer(PLATFORM_ADMIN, id, layer, sampleLayer(layer));
        }
        loadPlots(id);
        return id;
    }

    static String sampleLayer(String name) throws IOException {
        try (InputStream in = Platform.class.getClassLoader()
                .getResourceAsStream("org/raekoda/samples/layers/" + name + ".geojson")) {
            if (in == null) {
                throw new IOException("sample layer " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The same submission from {@code applicants} different residents, all released at the same moment from
     * threads of their own; the applications in the order of the applicants.
     */
    List<Application> submitAtTheSameMoment(Submission submission, int applicants) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(applicants);
        try {
            List<Future<Application>> results = new ArrayList<>();
            for (int i = 0; i < applicants; i++) {
                Caller applicant = Caller.resident("applicant-" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return applications.submit(applicant, submission);
                }));
            }
            start.countDown();
            List<Application> submitted = new ArrayList<>();
            for (var result : results) {
                submitted.add(result.get());
            }
            return submitted;
        } finally {
            pool.shutdownNow();
        }
    }

    static Platform on(String kind) throws Exception {
        return new Platform(kind, kind.equals("PostgreSQL") ? TestDatabases.freshPostgres() : TestDatabases.freshH2());
    }

    @Override
    public void close() {
        entityManagers.close();
    }

    /**
     * The core tests' own e-service (test resources): a street-works permit fixed in time, so that the core's
     * acceptance points do not move when the permit bundles' definitions evolve.
     */
    static final String CORE_SERVICE = "street-works";

    /** The e-services of the permit bundles on the test class path, read from their own definition files. */
    static final java.util.List<String> SERVICES = java.util.stream.Stream
            .of("excavation", "advertising", "transport", "tree-felling", "grave-site")
            .filter(id -> Platform.class.getClassLoader().getResource("OSGI-INF/raekoda/" + id + ".json") != null)
            .toList();

    static org.raekoda.api.eservice.EServiceDefinition definition(String service) throws IOException {
        ClassLoader loader = Platform.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream("OSGI-INF/raekoda/" + service + ".json")) {
            return new DefinitionReader().read(in, file -> loader.getResource("OSGI-INF/raekoda/" + file));
        }
    }
}
