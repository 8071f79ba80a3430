package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.OfficerDecision.Action;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.Submission;
import org.raekoda.api.eservice.LocalizedText;

/**
 * Permits that are right as issued: valid through every day they occupy their place, never issued
 * automatically for a period that has begun, one grant per exclusive resource, an Idempotency-Key that
 * answers only the request it was first sent with, officers who never decide their own applications, texts
 * within their columns and state conflicts that say where the application can go. On PostgreSQL and on H2.
 */
class CorrectPermitsTest extends OnBothDatabases {

    Stream<Arguments> servicesOnDatabases() {
        return platforms.keySet().stream()
                .flatMap(database -> Platform.SERVICES.stream().map(service -> Arguments.of(database, service)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("servicesOnDatabases")
    void aPermitIssuedByTheRulesIsValidThroughItsLastOccupiedDayEvenWeeksAhead(String database, String service)
            throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("validity-" + service);
        Submission weeksAhead = shifted(example(town, service, "issued"), 60);

        Application permit = platform.applications.submit(Caller.resident("ann"), weeksAhead);

        assertEquals(ApplicationState.ISSUED, permit.state(), permit.latestEvaluation().failed().toString());
        assertValidThroughItsPeriod(permit);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("servicesOnDatabases")
    void aPermitAnOfficerIssuesIsValidThroughItsLastOccupiedDay(String database, String service) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("officer-validity-" + service);
        Submission weeksAhead = shifted(example(town, service, "review"), 60);

        Application inReview = platform.applications.submit(Caller.resident("ann"), weeksAhead);
        assertEquals(ApplicationState.IN_REVIEW, inReview.state());
        Application permit = platform.applications.decide(Caller.officer("officer", town), inReview.id(),
                new OfficerDecision(Action.ISSUE, "", inReview.version()));

        assertEquals(ApplicationState.ISSUED, permit.state());
        assertValidThroughItsPeriod(permit);
    }

    private static void assertValidThroughItsPeriod(Application permit) {
        LocalDate today = LocalDate.now(Platform.CLOCK);
        assertTrue(permit.validUntil() != null && !permit.validUntil().isBefore(today), "valid from today");
        if (permit.occupiedUntil() != null) {
            assertFalse(permit.validUntil().isBefore(permit.occupiedUntil()),
                    "valid until " + permit.validUntil() + ", occupied until " + permit.occupiedUntil());
            assertTrue(permit.occupiedFrom().isAfter(today.plusDays(30)), "the works are weeks ahead");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPeriodThatHasBegunIsRefusedOrReviewedAsTheDefinitionSays(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("begun");
        LocalDate today = LocalDate.now(Platform.CLOCK);
        Submission excavation = startingOn(example(town, "excavation", "issued"), "startDate", today.minusDays(1));
        Submission sign = startingOn(example(town, "advertising", "issued"), "startDate", today.minusDays(1));

        ApplicationException refused = assertThrows(ApplicationException.class,
                () -> platform.applications.submit(Caller.resident("ann"), excavation));
        Application reviewed = platform.applications.submit(Caller.resident("ann"), sign);
        Application fromToday = platform.applications.submit(Caller.resident("ann"),
                startingOn(example(town, "excavation", "issued"), "startDate", today));

        assertEquals(ApplicationException.Kind.INVALID, refused.kind());
        assertEquals("/form/startDate", refused.fieldErrors().get(0).pointer());
        assertEquals(ApplicationState.IN_REVIEW, reviewed.state());
        assertEquals(List.of("period-not-begun"),
                reviewed.latestEvaluation().failed().stream().map(CriterionResult::criterion).toList());
        assertEquals(ApplicationState.ISSUED, fromToday.state(), "a period that begins today has not begun");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whetherAPeriodHasBegunIsJudgedInTheMunicipalitysTimeZone(String database) throws Exception {
        Platform platform = platforms.get(database);
        // At noon UTC it is already tomorrow on Kiritimati (UTC+14): today UTC has begun and ended there.
        String east = platform.municipality("kiritimati");
        platform.organizations.save(Platform.PLATFORM_ADMIN, new Organization(east, Organization.Kind.MUNICIPALITY,
                LocalizedText.of(east), "Pacific/Kiritimati"));
        String utc = platform.municipality("greenwich");
        LocalDate todayUtc = LocalDate.now(Platform.CLOCK);

        ApplicationException refused = assertThrows(ApplicationException.class, () -> platform.applications.submit(
                Caller.resident("ann"), startingOn(example(east, "excavation", "issued"), "startDate", todayUtc)));
        Application issued = platform.applications.submit(Caller.resident("ann"),
                startingOn(example(utc, "excavation", "issued"), "startDate", todayUtc));

        assertEquals("/form/startDate", refused.fieldErrors().get(0).pointer());
        assertEquals(ApplicationState.ISSUED, issued.state(), "an organization without a time zone counts in UTC");
        ApplicationException badZone = assertThrows(ApplicationException.class, () -> platform.organizations.save(
                Platform.PLATFORM_ADMIN, new Organization("nowhere", Organization.Kind.MUNICIPALITY,
                        LocalizedText.of("nowhere"), "Europe/Atlantis")));
        assertEquals("/timeZone", badZone.fieldErrors().get(0).pointer());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGravePlotThePlatformGrantedIsNotGrantedAgainWhileTheRegisterLags(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("plots");
        Submission plot = example(town, "grave-site", "issued");
        Map<String, Object> otherPlotForm = new LinkedHashMap<>(plot.form());
        otherPlotForm.put("plotNumber", "102");
        otherPlotForm.put("section", "7");

        Application first = platform.applications.submit(Caller.resident("ann"), plot);
        Application second = platform.applications.submit(Caller.resident("bob"), plot);
        Application otherPlot = platform.applications.submit(Caller.resident("bob"),
                new Submission(town, "grave-site", otherPlotForm, plot.location(), null));

        assertEquals(ApplicationState.ISSUED, first.state());
        assertHeldBack(second);
        assertEquals(ApplicationState.ISSUED, otherPlot.state(), "another plot is free");
        assertEquals(List.of(first.id()), platform.applications.conflicts(Caller.officer("officer", town), second.id())
                .stream().map(Application::id).toList(), "the officer sees which grant holds the plot");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofApplicationsForOnePlotArrivingAtTheSameMomentOnlyOneIsGranted(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("plot-race");
        Submission plot = example(town, "grave-site", "issued");
        int applicants = 8;
        int granted = 0;
        for (Application application : platform.submitAtTheSameMoment(plot, applicants)) {
            if (application.state() == ApplicationState.ISSUED) {
                granted++;
            } else {
                assertHeldBack(application);
            }
        }
        assertEquals(1, granted, "exactly one of " + applicants + " applications for one plot is granted");
    }

    private static void assertHeldBack(Application application) {
        assertEquals(ApplicationState.IN_REVIEW, application.state());
        List<CriterionResult> failed = application.latestEvaluation().failed();
        assertEquals(List.of("plot-not-granted"), failed.stream().map(CriterionResult::criterion).toList());
        assertEquals(1, ((Number) failed.get(0).value()).intValue(), "one grant holds the plot");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIdempotencyKeyAnswersOnlyTheRequestItWasFirstSentWith(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("keys");
        Submission sign = example(town, "advertising", "issued");
        Submission withKey = new Submission(town, "advertising", sign.form(), sign.location(), "key-1");
        Map<String, Object> otherForm = new LinkedHashMap<>(sign.form());
        otherForm.put("durationDays", 7);

        Application first = platform.applications.submit(Caller.resident("ann"), withKey);
        Application again = platform.applications.submit(Caller.resident("ann"), withKey);
        ApplicationException reused = assertThrows(ApplicationException.class, () -> platform.applications.submit(
                Caller.resident("ann"), new Submission(town, "advertising", otherForm, sign.location(), "key-1")));
        ApplicationException reusedInvalid = assertThrows(ApplicationException.class, () -> platform.applications
                .submit(Caller.resident("ann"), new Submission(town, "advertising", Map.of(), null, "key-1")));
        Application othersKey = platform.applications.submit(Caller.resident("bob"),
                new Submission(town, "advertising", otherForm, moved(sign.location()), "key-1"));

        assertEquals(first.id(), again.id(), "the same request with the same key is the same application");
        assertEquals(ApplicationException.Kind.UNPROCESSABLE, reused.kind());
        assertEquals(ApplicationException.Kind.UNPROCESSABLE, reusedInvalid.kind(), "the key is looked at first");
        assertNotEquals(first.id(), othersKey.id(), "keys are per applicant");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOfficerNeverHandlesAnApplicationTheySubmitted(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("impartial");
        Caller officerAsResident = new Caller("olga", town, Set.of(Caller.Role.APPLICANT, Caller.Role.OFFICER),
                Channel.SELF_SERVICE);
        Application own = platform.applications.submit(officerAsResident, example(town, "excavation", "review"));
        Application issuedOwn = platform.applications.submit(officerAsResident, example(town, "excavation", "issued"));
        Application asked = platform.applications.requestHumanReview(officerAsResident, issuedOwn.id(), "check");

        ApplicationException decide = assertThrows(ApplicationException.class, () -> platform.applications.decide(
                officerAsResident, own.id(), new OfficerDecision(Action.ISSUE, "", own.version())));
        ApplicationException assignSelf = assertThrows(ApplicationException.class,
                () -> platform.applications.assign(officerAsResident, own.id(), null));
        ApplicationException assignedToThem = assertThrows(ApplicationException.class,
                () -> platform.applications.assign(Caller.officer("oscar", town), own.id(), "olga"));
        ApplicationException confirm = assertThrows(ApplicationException.class, () -> platform.applications.decide(
                officerAsResident, issuedOwn.id(), new OfficerDecision(Action.CONFIRM, "", asked.version())));

        for (ApplicationException refusal : List.of(decide, assignSelf, assignedToThem, confirm)) {
            assertEquals(ApplicationException.Kind.FORBIDDEN, refusal.kind());
            assertTrue(refusal.getMessage().contains("submitted"), refusal.getMessage());
        }
        Application byAnother = platform.applications.decide(Caller.officer("oscar", town), own.id(),
                new OfficerDecision(Action.REJECT, "too deep", own.version()));
        assertEquals(ApplicationState.REJECTED, byAnother.state(), "another officer decides it");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void textsLongerThanTheirColumnsAreRefusedAtTheirPointerAfterTheCallerIsKnownToBeAllowed(String database)
            throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("long-texts");
        Caller officer = Caller.officer("officer", town);
        Application application = platform.applications.submit(Caller.resident("ann"), example(town, "excavation",
                "review"));
        String longReason = "x".repeat(2001);

        ApplicationException tooLong = assertThrows(ApplicationException.class, () -> platform.applications.decide(
                officer, application.id(), new OfficerDecision(Action.REJECT, longReason, application.version())));
        ApplicationException longAssignee = assertThrows(ApplicationException.class,
                () -> platform.applications.assign(officer, application.id(), "y".repeat(129)));
        ApplicationException applicantDeciding = assertThrows(ApplicationException.class, () -> platform.applications
                .decide(Caller.resident("ann"), application.id(),
                        new OfficerDecision(Action.REJECT, longReason, application.version())));
        ApplicationException strangerDeciding = assertThrows(ApplicationException.class, () -> platform.applications
                .decide(Caller.resident("eve"), application.id(),
                        new OfficerDecision(Action.REJECT, longReason, application.version())));
        ApplicationException longKey = assertThrows(ApplicationException.class, () -> platform.applications.submit(
                Caller.resident("ann"), withKey(example(town, "excavation", "review"), "k".repeat(129))));
        ApplicationException longName = assertThrows(ApplicationException.class, () -> platform.organizations.save(
                Platform.PLATFORM_ADMIN, new Organization("long-name", Organization.Kind.MUNICIPALITY,
                        LocalizedText.of("n".repeat(201)))));

        assertEquals("/reason", tooLong.fieldErrors().get(0).pointer());
        assertEquals("/assignee", longAssignee.fieldErrors().get(0).pointer());
        assertEquals(ApplicationException.Kind.FORBIDDEN, applicantDeciding.kind(), "not a 400 about the body");
        assertEquals(ApplicationException.Kind.NOT_FOUND, strangerDeciding.kind());
        assertEquals("/Idempotency-Key", longKey.fieldErrors().get(0).pointer());
        assertEquals(ApplicationException.Kind.INVALID, longName.kind());
        Application reasonAtTheLimit = platform.applications.decide(officer, application.id(),
                new OfficerDecision(Action.REJECT, "z".repeat(2000), application.version()));
        assertEquals(ApplicationState.REJECTED, reasonAtTheLimit.state(), "2000 characters are kept");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStateConflictNamesTheStatesTheApplicationCanMoveTo(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("states");
        Caller officer = Caller.officer("officer", town);
        Application issued = platform.applications.submit(Caller.resident("ann"), example(town, "excavation", "issued"));

        ApplicationException reject = assertThrows(ApplicationException.class, () -> platform.applications.decide(
                officer, issued.id(), new OfficerDecision(Action.REJECT, "no", issued.version())));
        ApplicationException assign = assertThrows(ApplicationException.class,
                () -> platform.applications.assign(officer, issued.id(), null));

        for (ApplicationException conflict : List.of(reject, assign)) {
            assertEquals(ApplicationException.Kind.CONFLICT, conflict.kind());
            assertEquals(Set.of(ApplicationState.EXPIRED, ApplicationState.REVOKED), Set.copyOf(conflict.allowedStates()),
                    conflict.getMessage());
        }
    }

    private static Submission example(String town, String service, String name) throws Exception {
        return EServiceExamplesTest.submission(town, service, EServiceExamplesTest.example(service, name));
    }

    private static Submission withKey(Submission submission, String key) {
        return new Submission(submission.organization(), submission.service(), submission.form(),
                submission.location(), key);
    }

    /** The same application with every date of its form moved by the given days. */
    private static Submission shifted(Submission submission, int days) {
        Map<String, Object> form = new LinkedHashMap<>(submission.form());
        form.replaceAll((field, value) -> value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")
                ? LocalDate.parse(text).plusDays(days).toString() : value);
        return new Submission(submission.organization(), submission.service(), form, submission.location(), null);
    }

    /** The same application with its period starting on the given day, its length kept. */
    private static Submission startingOn(Submission submission, String field, LocalDate day) {
        LocalDate start = LocalDate.parse((String) submission.form().get(field));
        return shifted(submission, (int) java.time.temporal.ChronoUnit.DAYS.between(start, day));
    }

    /** The same point a hundred metres east, so that two signs do not clash. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> moved(Map<String, Object> location) {
        Map<String, Object> moved = new LinkedHashMap<>(location);
        List<Object> point = new ArrayList<>((List<Object>) location.get("coordinates"));
        point.set(0, ((Number) point.get(0)).doubleValue() + 0.002);
        moved.put("coordinates", point);
        return moved;
    }
}
