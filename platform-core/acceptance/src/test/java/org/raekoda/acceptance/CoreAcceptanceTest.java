package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.DryRunReport;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.QueueItem;
import org.raekoda.api.application.Submission;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.engine.internal.application.CriteriaFileConfig;
import org.raekoda.engine.internal.application.CriteriaFiles;

/** The acceptance points of the core issue, on PostgreSQL and on the embedded H2 default. */
class CoreAcceptanceTest {

    private static final Caller ALICE = Caller.resident("alice");
    private static final Map<String, Object> SQUARE = Map.of("type", "Polygon", "coordinates",
            List.of(List.of(List.of(26.72, 58.38), List.of(26.73, 58.38), List.of(26.73, 58.39), List.of(26.72, 58.38))));

    static Map<String, Object> smallWorks() {
        Map<String, Object> form = new HashMap<>();
        form.put("address", "Rüütli 1, Tartu");
        form.put("purpose", "water");
        form.put("areaSquareMetres", 6);
        form.put("depthMetres", 1.2);
        form.put("startDate", "2026-12-01");
        form.put("durationDays", 3);
        form.put("trafficImpact", "none");
        return form;
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> form = smallWorks();
        form.put(field, value);
        return form;
    }

    private static Application submit(Platform platform, String organization, Map<String, Object> form, String key) {
        return platform.applications.submit(ALICE, new Submission(organization, Platform.CORE_SERVICE, form, SQUARE, key));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void anApplicationMeetingTheCriteriaIsIssuedInItsOwnResponse(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Application issued = submit(platform, "tartu", smallWorks(), null);

            assertEquals(ApplicationState.ISSUED, issued.state());
            assertNotNull(issued.validUntil(), "an issued permit has a validity");
            assertEquals("26.00", issued.fee().toPlainString(), "fee: 20 + 3 days x 2");
            Evaluation evaluation = issued.latestEvaluation();
            assertEquals(Verdict.ISSUE, evaluation.verdict());
            assertEquals(4, evaluation.results().size());
            assertTrue(evaluation.results().stream().allMatch(CriterionResult::passed));
            assertEquals(64, evaluation.rulesetHash().length(), "the rule set's version is a SHA-256");
            assertEquals(smallWorks().get("address"), ((Map<?, ?>) evaluation.inputs().get("form")).get("address"),
                    "the decision keeps a snapshot of its inputs");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void oneThatFailsGoesToReviewAndItsExplanationNamesTheFailingCriteria(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Map<String, Object> form = with("depthMetres", 2.5);
            form.put("trafficImpact", "lane-closed");

            Application application = submit(platform, "tartu", form, null);

            assertEquals(ApplicationState.IN_REVIEW, application.state());
            assertEquals("review", application.phase());
            assertNotNull(application.deadline());
            List<CriterionResult> failed = application.latestEvaluation().failed();
            assertEquals(List.of("shallow", "no-traffic-impact"), failed.stream().map(CriterionResult::criterion).toList());
            CriterionResult shallow = failed.get(0);
            assertEquals(2.5, ((Number) shallow.value()).doubleValue());
            assertEquals(1.5, ((Number) shallow.limit()).doubleValue());
            assertEquals("Kaeve on madal", shallow.title().get("et"));
            assertTrue(shallow.legalBasis().get("en").contains("§ 7"));
            assertEquals("lane-closed", failed.get(1).value());
            assertEquals("none", failed.get(1).limit());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void aMunicipalitysOverrideChangesOutcomesForThatMunicipalityOnly(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Map<String, Object> form = with("areaSquareMetres", 30);
            assertEquals(ApplicationState.IN_REVIEW, submit(platform, "tartu", form, null).state());

            List<Criterion> tartus = new ArrayList<>();
            for (Criterion criterion : platform.criteria.ruleSet(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE).criteria()) {
                tartus.add(criterion.id().equals("small-area") ? criterion.withLimit(50) : criterion);
            }
            var updated = platform.criteria.update(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, tartus, null);
            assertTrue(updated.overridden());

            assertEquals(ApplicationState.ISSUED, submit(platform, "tartu", form, null).state());
            assertEquals(ApplicationState.IN_REVIEW, submit(platform, "riga", form, null).state(),
                    "Riga keeps the e-service's default limit");
            assertThrows(ApplicationException.class,
                    () -> platform.criteria.update(Platform.RIGA_ADMIN, "tartu", Platform.CORE_SERVICE, tartus, null),
                    "an administrator changes only their own organization's criteria");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void aMunicipalitysOwnFeeAndDeadlineApplyThereOnly(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            platform.organizations.localize(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, new LocalSettings(
                    "10", Map.of("review", 3), LocalizedText.of("Street works permit"), null));
            Map<String, Object> deep = with("depthMetres", 3);

            Application tartu = submit(platform, "tartu", deep, null);
            Application riga = submit(platform, "riga", deep, null);

            assertEquals("10.00", tartu.fee().toPlainString());
            assertEquals("26.00", riga.fee().toPlainString());
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            assertTrue(tartu.deadline().isBefore(riga.deadline()), tartu.deadline() + " vs " + riga.deadline());
            assertTrue(!tartu.deadline().isAfter(today.plusDays(5)), "3 working days fall within 5 calendar days");
            assertEquals("Street works permit", platform.organizations.localSettings("tartu", Platform.CORE_SERVICE).title().in(List.of()));
            assertEquals(ApplicationException.Kind.INVALID, assertThrows(ApplicationException.class,
                    () -> platform.organizations.localize(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE,
                            new LocalSettings(null, Map.of("no-such-phase", 2), null, null))).kind());
            assertEquals(ApplicationException.Kind.FORBIDDEN, assertThrows(ApplicationException.class,
                    () -> platform.organizations.localize(Platform.RIGA_ADMIN, "tartu", Platform.CORE_SERVICE,
                            LocalSettings.NONE)).kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void aZoneLayerOfTheMunicipalityDecidesASpatialCriterionWithJts(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            // Tartu's old town as a heritage zone; the SQUARE location of the other tests lies inside it.
            platform.organizations.saveZoneLayer(Platform.TARTU_ADMIN, "tartu", "heritage",
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"Old town\"},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[26.70,58.37],[26.74,58.37],[26.74,58.40],"
                            + "[26.70,58.40],[26.70,58.37]]]}}]}");
            List<Criterion> criteria = new ArrayList<>(platform.criteria.ruleSet(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE).criteria());
            criteria.add(new Criterion("outside-heritage", LocalizedText.of("Outside the heritage zone"),
                    "location.inZone.heritage", "value == limit", false, LocalizedText.of("Heritage Conservation Act")));
            platform.criteria.update(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, criteria, null);

            Application inside = submit(platform, "tartu", smallWorks(), null);
            Map<String, Object> elsewhere = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                    List.of(26.80, 58.36), List.of(26.81, 58.36), List.of(26.81, 58.361), List.of(26.80, 58.36))));
            Application outside = platform.applications.submit(ALICE,
                    new Submission("tartu", Platform.CORE_SERVICE, smallWorks(), elsewhere, null));

            assertEquals(ApplicationState.IN_REVIEW, inside.state());
            assertEquals(List.of("outside-heritage"), inside.latestEvaluation().failed().stream()
                    .map(CriterionResult::criterion).toList());
            assertEquals(ApplicationState.ISSUED, outside.state());
            assertEquals(List.of("heritage"), platform.organizations.zoneLayers("tartu"));

            // The layer replaced (as if through another node): the parsed layer the engine kept is not used again.
            platform.organizations.saveZoneLayer(Platform.TARTU_ADMIN, "tartu", "heritage",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[26.79,58.35],[26.82,58.35],[26.82,58.37],[26.79,58.37],[26.79,58.35]]]}");
            Application elsewhereNow = platform.applications.submit(ALICE,
                    new Submission("tartu", Platform.CORE_SERVICE, smallWorks(), elsewhere, null));
            assertEquals(ApplicationState.IN_REVIEW, elsewhereNow.state(), "the replaced layer decides at once");

            Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                    List.of(26.70, 58.37), List.of(26.72, 58.39), List.of(26.72, 58.37), List.of(26.70, 58.39),
                    List.of(26.70, 58.37))));
            ApplicationException invalid = assertThrows(ApplicationException.class, () -> platform.applications.submit(
                    ALICE, new Submission("tartu", Platform.CORE_SERVICE, smallWorks(), bowTie, null)));
            assertEquals("/location/coordinates", invalid.fieldErrors().get(0).pointer(), "a self-crossing area is refused");
            assertEquals(ApplicationException.Kind.INVALID, assertThrows(ApplicationException.class,
                    () -> platform.organizations.saveZoneLayer(Platform.TARTU_ADMIN, "tartu", "broken", "{\"type\":\"Nope\"}")).kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void aCriteriaFileInConfigAdminOverridesLikeTheAdminApi(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Map<String, Object> form = with("durationDays", 20);
            assertEquals(ApplicationState.IN_REVIEW, submit(platform, "riga", form, null).state());
            String criteria = "[{\"id\":\"short\",\"title\":{\"en\":\"Short\"},\"value\":\"form.durationDays\","
                    + "\"test\":\"value <= limit\",\"limit\":30,\"legalBasis\":{\"en\":\"Riga rules\"}}]";

            new CriteriaFiles(platform.organizationStore, criteriaFile("riga", Platform.CORE_SERVICE, "AUTOMATIC", criteria));

            Application issued = submit(platform, "riga", form, null);
            assertEquals(ApplicationState.ISSUED, issued.state());
            assertEquals(1, issued.latestEvaluation().results().size(), "Riga's own single criterion");
            assertEquals(ApplicationState.IN_REVIEW, submit(platform, "tartu", form, null).state());

            new CriteriaFiles(platform.organizationStore, criteriaFile("riga", Platform.CORE_SERVICE, "", "[{\"id\":\"x\","
                    + "\"title\":{\"en\":\"X\"},\"value\":\"new('java.io.File', '/')\",\"test\":\"true\",\"limit\":null}]"));
            assertEquals(1, platform.criteria.ruleSet(Platform.RIGA_ADMIN, "riga", Platform.CORE_SERVICE).criteria().size(),
                    "a file whose expressions leave the sandbox is refused and changes nothing");
        }
    }

    private static CriteriaFileConfig criteriaFile(String organization, String service, String mode, String criteria) {
        return new CriteriaFileConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return CriteriaFileConfig.class;
            }

            @Override
            public String organization() {
                return organization;
            }

            @Override
            public String service() {
                return service;
            }

            @Override
            public String mode() {
                return mode;
            }

            @Override
            public String criteria() {
                return criteria;
            }

            @Override
            public String criteriaFile() {
                return "";
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void dryRunReportsExactlyTheDecisionsThatWouldChange(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Application area15 = submit(platform, "tartu", with("areaSquareMetres", 15), null);
            Application area30 = submit(platform, "tartu", with("areaSquareMetres", 30), null);
            Application area8 = submit(platform, "tartu", with("areaSquareMetres", 8), null);
            Application deep = submit(platform, "tartu", with("depthMetres", 3), null);
            submit(platform, "riga", with("areaSquareMetres", 15), null);
            // An officer issues the deep one, although the rules hold it.
            platform.applications.decide(Platform.TARTU_OFFICER, deep.id(),
                    new OfficerDecision(OfficerDecision.Action.ISSUE, "pipe needs it", deep.version()));

            List<Criterion> stricter = new ArrayList<>();
            for (Criterion criterion : platform.criteria.ruleSet(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE).criteria()) {
                stricter.add(criterion.id().equals("small-area") ? criterion.withLimit(10) : criterion);
            }
            DryRunReport report = platform.criteria.dryRun(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, stricter);

            assertEquals(4, report.evaluated(), "Tartu's applications only");
            assertEquals(List.of(area15.id()), report.changes().stream().map(DryRunReport.Change::application).toList(),
                    "15 m2 passed at 20 and fails at 10; 30 m2 and 8 m2 keep their verdicts");
            DryRunReport.Change change = report.changes().get(0);
            assertEquals(Verdict.ISSUE, change.currentVerdict());
            assertEquals(Verdict.REVIEW, change.proposedVerdict());
            assertEquals(List.of("small-area"), change.failing());
            assertEquals(List.of(deep.id()), report.disagreements().stream().map(DryRunReport.Change::application).toList());
            assertEquals(ApplicationState.ISSUED, report.disagreements().get(0).officerOutcome());
            assertTrue(!report.currentHash().equals(report.proposedHash()));
            assertEquals(report.currentHash(),
                    platform.criteria.ruleSet(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE).hash(), "nothing was saved");
            assertTrue(area30.state() == ApplicationState.IN_REVIEW && area8.state() == ApplicationState.ISSUED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void inShadowAndSuggestModesNothingIsIssuedAndTheVerdictMatchesAutomaticMode(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Map<String, Object> passing = smallWorks();
            Map<String, Object> failing = with("durationDays", 30);
            Verdict automaticPassing = submit(platform, "riga", passing, null).latestEvaluation().verdict();
            Verdict automaticFailing = submit(platform, "riga", failing, null).latestEvaluation().verdict();

            for (AutomationMode mode : new AutomationMode[] {AutomationMode.SHADOW, AutomationMode.SUGGEST}) {
                platform.criteria.update(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, null, mode);
                Application first = submit(platform, "tartu", passing, null);
                Application second = submit(platform, "tartu", failing, null);
                assertEquals(ApplicationState.IN_REVIEW, first.state(), mode + ": no automatic issuance");
                assertEquals(ApplicationState.IN_REVIEW, second.state());
                assertEquals(automaticPassing, first.latestEvaluation().verdict(), mode + ": same verdict as automatic");
                assertEquals(automaticFailing, second.latestEvaluation().verdict());
                assertEquals(mode, first.decisions().get(0).mode());
            }
            List<QueueItem> queue = platform.applications.queue(Platform.TARTU_OFFICER, Platform.CORE_SERVICE, null);
            assertEquals(4, queue.size());
            assertEquals(2, queue.stream().filter(item -> item.suggestion() != null).count(),
                    "officers see a suggestion in suggest mode only");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void illegalTransitionsInvalidFormsAndRepeatedKeysAreRefusedOrHarmless(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Application issued = submit(platform, "tartu", smallWorks(), null);
            ApplicationException illegal = assertThrows(ApplicationException.class,
                    () -> platform.applications.withdraw(ALICE, issued.id()));
            assertEquals(ApplicationException.Kind.CONFLICT, illegal.kind());
            assertTrue(illegal.getMessage().contains("ISSUED"));

            Map<String, Object> broken = with("depthMetres", -1);
            broken.remove("address");
            broken.put("colour", "red");
            ApplicationException invalid = assertThrows(ApplicationException.class,
                    () -> submit(platform, "tartu", broken, null));
            assertEquals(ApplicationException.Kind.INVALID, invalid.kind());
            List<String> pointers = invalid.fieldErrors().stream().map(ApplicationException.FieldError::pointer).toList();
            assertTrue(pointers.contains("/form/address"), pointers.toString());
            assertTrue(pointers.contains("/form/depthMetres"), pointers.toString());
            assertTrue(pointers.contains("/form/colour"), pointers.toString());

            Application first = submit(platform, "tartu", smallWorks(), "key-123");
            Application again = submit(platform, "tartu", smallWorks(), "key-123");
            assertEquals(first.id(), again.id());
            assertEquals(1, count(platform, "select count(*) from application where idempotency_key = ?", "key-123"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void anApplicantAsksForAHumanReviewOfAnAutomaticPermitAndAnOfficerAnswers(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Application kept = submit(platform, "tartu", smallWorks(), null);
            Application revoked = submit(platform, "tartu", with("areaSquareMetres", 12), null);
            Application inReview = submit(platform, "tartu", with("depthMetres", 4), null);

            Application asked = platform.applications.requestHumanReview(ALICE, kept.id(), "the dates are wrong");
            assertNotNull(asked.reviewRequestedAt());
            assertEquals(asked.version(), platform.applications.requestHumanReview(ALICE, kept.id(), "again").version(),
                    "asking twice changes nothing");
            Application askedToo = platform.applications.requestHumanReview(ALICE, revoked.id(), "");
            assertEquals(ApplicationException.Kind.CONFLICT, assertThrows(ApplicationException.class,
                    () -> platform.applications.requestHumanReview(ALICE, inReview.id(), "")).kind());

            List<String> queued = platform.applications.queue(Platform.TARTU_OFFICER, null, null).stream()
                    .map(item -> item.application().id()).toList();
            assertTrue(queued.containsAll(List.of(kept.id(), revoked.id(), inReview.id())), queued.toString());

            Application confirmed = platform.applications.decide(Platform.TARTU_OFFICER, kept.id(),
                    new OfficerDecision(OfficerDecision.Action.CONFIRM, "checked", asked.version()));
            assertEquals(ApplicationState.ISSUED, confirmed.state());
            assertEquals(null, confirmed.reviewRequestedAt());
            Application gone = platform.applications.decide(Platform.TARTU_OFFICER, revoked.id(),
                    new OfficerDecision(OfficerDecision.Action.REVOKE, "overlaps a tram line", askedToo.version()));
            assertEquals(ApplicationState.REVOKED, gone.state());
            assertEquals(List.of(inReview.id()), platform.applications.queue(Platform.TARTU_OFFICER, null, null).stream()
                    .map(item -> item.application().id()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void ofTwoConcurrentDecisionsExactlyOneWins(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            Application application = submit(platform, "tartu", with("depthMetres", 4), null);
            Caller first = Caller.officer("officer-1", "tartu");
            Caller second = Caller.officer("officer-2", "tartu");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Application>> decisions = new ArrayList<>();
                for (Callable<Application> decide : List.<Callable<Application>>of(
                        () -> {
                            go.await();
                            return platform.applications.decide(first, application.id(),
                                    new OfficerDecision(OfficerDecision.Action.ISSUE, "", application.version()));
                        },
                        () -> {
                            go.await();
                            return platform.applications.decide(second, application.id(),
                                    new OfficerDecision(OfficerDecision.Action.REJECT, "too deep", application.version()));
                        })) {
                    decisions.add(pool.submit(decide));
                }
                go.countDown();
                int won = 0;
                int conflicts = 0;
                for (Future<Application> decision : decisions) {
                    try {
                        decision.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertEquals(ApplicationException.Kind.CONFLICT, ((ApplicationException) e.getCause()).kind());
                        conflicts++;
                    }
                }
                assertEquals(1, won);
                assertEquals(1, conflicts);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, count(platform, "select count(*) from decision where application_id = ? and verdict is null",
                    application.id()), "one officer decision stored");
            List<String> actions = platform.applications.audit(Platform.TARTU_OFFICER, application.id()).stream()
                    .map(a -> a.action()).toList();
            assertEquals(List.of("submitted", "rules-evaluated", "decided"), actions);
        }
    }

    private static int count(Platform platform, String sql, String parameter) throws Exception {
        try (Connection connection = platform.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
