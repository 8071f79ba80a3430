package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.OfficerDecision.Action;
import org.raekoda.api.application.Submission;
import org.raekoda.api.map.BoundingBox;
import org.raekoda.api.map.PublicBasis;
import org.raekoda.api.map.PublicPermit;
import org.raekoda.api.map.PublicPermitPage;
import org.raekoda.api.map.PublicPermitQuery;
import org.raekoda.api.map.PublicStatus;
import org.raekoda.engine.internal.json.Json;

/**
 * The public register through the engine, on PostgreSQL and on H2: only issued permits come out, with their
 * decision's basis, and nothing an applicant, a representative or an officer wrote.
 */
class PublicRegisterTest extends OnBothDatabases {

    private static final String PLANTED = "PLANTED";
    private static final String APPLICANT = "PLANTED-applicant-38001085718";
    /** Any JSON will do to search the text: times are written as their fields. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON = com.fasterxml.jackson.databind.json.JsonMapper
            .builder().disable(com.fasterxml.jackson.databind.MapperFeature.REQUIRE_HANDLERS_FOR_JAVA8_TIMES).build();
    private static final String REASON = "PLANTED-officer-reason: called Mari Maasikas on +372 5555 1234";

    @ParameterizedTest
    @MethodSource("databases")
    void noValueFromAFormAnApplicantOrAnOfficerReachesThePublicRegister(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("public-privacy");
        List<String> permits = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            Application application = submitPlanted(platform, town, service);
            assertTrue(Json.write(application.form()).contains(PLANTED), "the form holds planted values: " + service);
            if (application.state() == ApplicationState.IN_REVIEW) {
                application = platform.applications.decide(Caller.officer("officer", town), application.id(),
                        new OfficerDecision(Action.ISSUE, REASON, application.version()));
            }
            assertEquals(ApplicationState.ISSUED, application.state(), service);
            permits.add(application.id());
        }

        PublicPermitPage page = platform.publicPermits.find(new PublicPermitQuery(null, town,
                EnumSet.allOf(PublicStatus.class), null, null, null, 100, 0));

        assertEquals(new HashSet<>(permits), new HashSet<>(page.permits().stream().map(PublicPermit::id).toList()));
        String published = JACKSON.writeValueAsString(page.permits());
        for (String id : permits) {
            published += JACKSON.writeValueAsString(platform.publicPermits.find(id).orElseThrow());
        }
        assertFalse(published.contains(PLANTED), published);
        assertFalse(published.contains("38001085718"), "no personal code");
        assertFalse(published.contains("Maasikas") || published.contains("5555"), "no officer's free text");
        assertTrue(published.contains("\"criteria\":[{"), "the rules' criteria are published: " + published);
    }

    /**
     * An example with a recognisable value in every text field of its form; a field whose schema refuses one (an
     * enumeration, a format) keeps the example's value.
     */
    private static Application submitPlanted(Platform platform, String town, String service) throws Exception {
        Submission example = EServiceExamplesTest.submission(town, service,
                EServiceExamplesTest.example(service, "issued"));
        Map<String, Object> form = new LinkedHashMap<>(example.form());
        form.replaceAll((field, value) -> value instanceof String text && !text.matches("\\d{4}-\\d{2}-\\d{2}")
                ? PLANTED + "-" + field : value);
        for (int attempt = 0; attempt < 5; attempt++) {
            Submission candidate = new Submission(town, service, form, example.location(),
                    PLANTED + "-key-" + service + "-" + attempt);
            try {
                return platform.applications.submit(Caller.resident(APPLICANT), candidate);
            } catch (ApplicationException e) {
                if (e.fieldErrors().isEmpty()) {
                    throw e;
                }
                for (ApplicationException.FieldError error : e.fieldErrors()) {
                    String field = error.pointer().replaceFirst("^/form/", "").split("/")[0];
                    form.put(field, example.form().get(field));
                }
            }
        }
        throw new AssertionError("no planted form of " + service + " validates");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyIssuedPermitsArePublicWithTheBasisOfTheirDecision(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("public-states");
        Submission issuedExample = EServiceExamplesTest.submission(town, "excavation",
                EServiceExamplesTest.example("excavation", "issued"));
        Submission reviewExample = EServiceExamplesTest.submission(town, "excavation",
                EServiceExamplesTest.example("excavation", "review"));

        Application byRules = platform.applications.submit(Caller.resident("ann"), issuedExample);
        Application inReview = platform.applications.submit(Caller.resident("ann"), reviewExample);
        assertEquals(ApplicationState.ISSUED, byRules.state());
        assertEquals(ApplicationState.IN_REVIEW, inReview.state());
        assertTrue(platform.publicPermits.find(inReview.id()).isEmpty(), "an application in review is not public");

        PublicPermit rules = platform.publicPermits.find(byRules.id()).orElseThrow();
        assertEquals(PublicStatus.ISSUED, rules.status());
        assertEquals(PublicBasis.RULES, rules.basis().decidedBy());
        assertEquals(byRules.latestEvaluation().results().size(), rules.basis().criteria().size());
        assertFalse(rules.basis().criteria().get(0).title().isEmpty());
        assertEquals(byRules.occupiedFrom(), rules.occupiedFrom());
        assertEquals(byRules.validUntil(), rules.validUntil());
        assertEquals("Polygon", rules.geometry().get("type"));

        Application byOfficer = platform.applications.decide(Caller.officer("officer", town), inReview.id(),
                new OfficerDecision(Action.ISSUE, "", inReview.version()));
        PublicPermit officer = platform.publicPermits.find(byOfficer.id()).orElseThrow();
        assertEquals(PublicBasis.OFFICER, officer.basis().decidedBy());
        assertEquals(List.of(), officer.basis().criteria(), "an officer's decision has no evaluation of its own");
        assertNotNull(officer.issuedOn());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBoxAroundAPermitFindsItAndABoxElsewhereDoesNot(String database) throws Exception {
        Platform platform = platforms.get(database);
        String town = platform.municipality("public-boxes");
        Application permit = platform.applications.submit(Caller.resident("ann"), EServiceExamplesTest.submission(
                town, "excavation", EServiceExamplesTest.example("excavation", "issued")));

        // The example lies in Tartu, around 26.7224 E 58.3809 N.
        Set<String> around = ids(platform, new BoundingBox(26.72, 58.38, 26.73, 58.39), town);
        Set<String> beside = ids(platform, new BoundingBox(26.7225, 58.38, 26.73, 58.39), town);
        Set<String> acrossTheAntimeridian = ids(platform, new BoundingBox(170, 58.38, 26.73, 58.39), town);

        assertEquals(Set.of(permit.id()), around);
        assertEquals(Set.of(), beside, "east of the permit's last longitude (26.722494)");
        assertEquals(Set.of(permit.id()), acrossTheAntimeridian, "a box from 170 E across 180 to 26.73 E");
        PublicPermitPage page = platform.publicPermits.find(new PublicPermitQuery(null, town, Set.of(),
                new BoundingBox(26.72, 58.38, 26.73, 58.39), null, null, 10, 0));
        assertEquals(1L, page.numberMatched().orElseThrow());
        assertFalse(platform.publicPermits.extent("excavation").bbox() == null);
    }

    private static Set<String> ids(Platform platform, BoundingBox box, String town) {
        Set<String> ids = new HashSet<>();
        platform.publicPermits.find(new PublicPermitQuery(null, town, Set.of(), box, null, null, 100, 0)).permits()
                .forEach(p -> ids.add(p.id()));
        return ids;
    }
}
