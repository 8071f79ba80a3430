package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.Submission;

/**
 * Permits already issued claim their place for their period: an application that would occupy the same
 * place at the same time goes to an officer instead of being issued, across e-services, and also when
 * the two arrive at the same moment. Runs on PostgreSQL and on H2, each municipality new per test.
 */
class PermitConflictsTest extends OnBothDatabases {

    @ParameterizedTest
    @MethodSource("databases")
    void twoSignsOnTheSameSpotForTheSameWeeksClash(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("signs");
        Submission sign = example(town, "advertising", "issued");

        Application first = platform.applications.submit(Caller.resident("ann"), sign);
        Application second = platform.applications.submit(Caller.resident("bob"), sign);
        Application threeMetresAway = platform.applications.submit(Caller.resident("bob"), moved(sign, 0.00005));
        Application twentyMetresAway = platform.applications.submit(Caller.resident("bob"), moved(sign, 0.00034));
        Application theWeeksAfter = platform.applications.submit(Caller.resident("bob"), startingAfter(sign));

        assertEquals(ApplicationState.ISSUED, first.state());
        assertClashesWith(second, "advertising");
        assertClashesWith(threeMetresAway, "advertising");
        assertEquals(ApplicationState.ISSUED, twentyMetresAway.state(), "5 m apart is the advertising buffer");
        assertEquals(ApplicationState.ISSUED, theWeeksAfter.state(), "the same spot once the first permit's period ends");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anExcavationOnTheRouteOfAHeavyTransportThatDayClashes(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("route");
        Submission transport = example(town, "transport", "issued");
        Submission works = example(town, "excavation", "clash");

        Application heavyTransport = platform.applications.submit(Caller.resident("ann"), transport);
        Application excavationThatDay = platform.applications.submit(Caller.resident("bob"), works);
        Application excavationAfterwards = platform.applications.submit(Caller.resident("bob"), startingAfter(works,
                LocalDate.parse((String) transport.form().get("endDate"))));

        assertEquals(ApplicationState.ISSUED, heavyTransport.state());
        assertClashesWith(excavationThatDay, "transport");
        assertEquals(ApplicationState.ISSUED, excavationAfterwards.state());

        Caller officer = Caller.officer("officer", town);
        assertEquals(List.of(heavyTransport.id()), platform.applications.conflicts(officer, excavationThatDay.id())
                .stream().map(Application::id).toList(), "the officer sees which permit is in the way");
        assertEquals(List.of(), platform.applications.conflicts(officer, excavationAfterwards.id()));
        assertThrows(ApplicationException.class, () -> platform.applications.conflicts(Caller.resident("bob"),
                excavationThatDay.id()), "other permits are officers' business");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyPermitsInForceClaimTheirPlace(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("in-force");
        Caller officer = Caller.officer("officer", town);
        Submission sign = example(town, "advertising", "issued");
        Map<String, Object> longer = new LinkedHashMap<>(sign.form());
        longer.put("durationDays", 90);

        Application inReview = platform.applications.submit(Caller.resident("ann"),
                new Submission(town, "advertising", longer, sign.location(), null));
        Application issued = platform.applications.submit(Caller.resident("bob"), sign);
        assertEquals(ApplicationState.IN_REVIEW, inReview.state(), "too long for automatic issuance");
        assertEquals(ApplicationState.ISSUED, issued.state(), "an application in review claims no place");

        Application asked = platform.applications.requestHumanReview(Caller.resident("bob"), issued.id(), "check it");
        Application revoked = platform.applications.decide(officer, issued.id(),
                new OfficerDecision(OfficerDecision.Action.REVOKE, "the spot is reserved for the city", asked.version()));
        Application again = platform.applications.submit(Caller.resident("eve"), sign);

        assertEquals(ApplicationState.REVOKED, revoked.state());
        assertEquals(ApplicationState.ISSUED, again.state(), "a revoked permit frees its place");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofClashingApplicationsArrivingAtTheSameMomentOnlyOneIsIssued(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("race");
        Submission sign = example(town, "advertising", "issued");
        int applicants = 8;
        int issued = 0;
        for (Application application : platform.submitAtTheSameMoment(sign, applicants)) {
            if (application.state() == ApplicationState.ISSUED) {
                issued++;
            } else {
                assertClashesWith(application, "advertising");
            }
        }
        assertEquals(1, issued, "exactly one of " + applicants + " clashing signs is issued");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPeriodThatEndsBeforeItStartsIsRefusedAtTheField(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("periods");
        Submission transport = example(town, "transport", "issued");
        Map<String, Object> backwards = new LinkedHashMap<>(transport.form());
        backwards.put("endDate", LocalDate.parse((String) backwards.get("startDate")).minusDays(1).toString());

        ApplicationException refused = assertThrows(ApplicationException.class, () -> platform.applications.submit(
                Caller.resident("ann"), new Submission(town, "transport", backwards, transport.location(), null)));

        assertEquals(ApplicationException.Kind.INVALID, refused.kind());
        assertEquals("/form/endDate", refused.fieldErrors().get(0).pointer());
    }

    /** One of the service's own examples, submitted to the given municipality. */
    private static Submission example(String town, String service, String name) throws Exception {
        return EServiceExamplesTest.submission(town, service, EServiceExamplesTest.example(service, name));
    }

    private static void assertClashesWith(Application application, String service) {
        assertEquals(ApplicationState.IN_REVIEW, application.state());
        List<CriterionResult> failed = application.latestEvaluation().failed();
        assertEquals(List.of("no-conflicts"), failed.stream().map(CriterionResult::criterion).toList());
        assertEquals(1, ((Number) failed.get(0).value()).intValue(), "one permit is in the way");
        Map<?, ?> conflicts = (Map<?, ?>) application.latestEvaluation().inputs().get("conflicts");
        assertEquals(List.of(service), conflicts.get("services"), "the explanation names the e-service in the way");
    }

    /** The same application, moved east by the given degrees of longitude (0.0001° ≈ 5.9 m in Tartu). */
    @SuppressWarnings("unchecked")
    private static Submission moved(Submission submission, double degrees) {
        Map<String, Object> location = new LinkedHashMap<>(submission.location());
        List<Object> point = new ArrayList<>((List<Object>) location.get("coordinates"));
        point.set(0, ((Number) point.get(0)).doubleValue() + degrees);
        location.put("coordinates", point);
        return new Submission(submission.organization(), submission.service(), submission.form(), location, null);
    }

    /** The same application, starting the day after its own period would end. */
    private static Submission startingAfter(Submission submission) {
        LocalDate start = LocalDate.parse((String) submission.form().get("startDate"));
        int days = ((Number) submission.form().get("durationDays")).intValue();
        return startingAfter(submission, start.plusDays(days - 1));
    }

    private static Submission startingAfter(Submission submission, LocalDate lastDayTaken) {
        Map<String, Object> form = new LinkedHashMap<>(submission.form());
        form.put("startDate", lastDayTaken.plusDays(1).toString());
        return new Submission(submission.organization(), submission.service(), form, submission.location(), null);
    }
}
