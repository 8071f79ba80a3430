package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Submission;
import org.raekoda.api.eservice.Criterion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every e-service's own example applications (OSGI-INF/raekoda/examples/ in its bundle) give the outcome
 * they promise, in a municipality that has loaded the sample town's zone layers: issued at once, to review
 * with the named criteria failing, refused with the named field pointers, or (clash examples) sent to review
 * because a permit issued just before occupies the same place at the same time. And one municipality's
 * tighter limit changes its outcome only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EServiceExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Platform platform;

    @BeforeAll
    void start() throws Exception {
        platform = Platform.on("H2");
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    static Stream<Arguments> examples() throws Exception {
        List<Arguments> examples = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            // Every permit bundle has its own examples folder: find the one in this service's jar.
            URL definition = EServiceExamplesTest.class.getClassLoader().getResource("OSGI-INF/raekoda/" + service + ".json");
            for (String name : List.of("issued", "review", "invalid", "clash")) {
                String path = "OSGI-INF/raekoda/examples/" + name + ".json";
                if (name.equals("clash") && !exists(definition, path)) {
                    continue;
                }
                examples.add(Arguments.of(service, name, read(definition, path)));
            }
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theExampleGivesTheOutcomeItPromises(String service, String name, JsonNode example) throws Exception {
        String municipality = platform.municipality(service + "-" + name);
        for (JsonNode earlier : example.path("after")) {
            String[] serviceAndName = earlier.asText().split("/");
            Application first = platform.applications.submit(Caller.resident("bob"),
                    submission(municipality, serviceAndName[0], example(serviceAndName[0], serviceAndName[1])));
            assertEquals(ApplicationState.ISSUED, first.state(), earlier.asText() + " is issued first");
        }
        Submission submission = submission(municipality, service, example);
        String expect = example.path("expect").asText();
        if (expect.equals("INVALID")) {
            ApplicationException refused = assertThrows(ApplicationException.class,
                    () -> platform.applications.submit(Caller.resident("ann"), submission));
            assertEquals(ApplicationException.Kind.INVALID, refused.kind());
            List<String> pointers = refused.fieldErrors().stream().map(ApplicationException.FieldError::pointer).toList();
            for (JsonNode pointer : example.path("pointers")) {
                assertTrue(pointers.contains(pointer.asText()), pointer.asText() + " not in " + pointers);
            }
            return;
        }
        Application application = platform.applications.submit(Caller.resident("ann"), submission);
        assertEquals(ApplicationState.valueOf(expect), application.state(), example.path("description").asText());
        List<String> failing = application.latestEvaluation().failed().stream().map(CriterionResult::criterion).toList();
        List<String> promised = new ArrayList<>();
        example.path("failing").forEach(id -> promised.add(id.asText()));
        assertEquals(promised, failing);
        for (CriterionResult result : application.latestEvaluation().results()) {
            assertFalse(result.title().getOrDefault("et", "").isBlank(), result.criterion() + " has an Estonian title");
            assertFalse(result.legalBasis().getOrDefault("en", "").isBlank(), result.criterion() + " names its legal basis");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aTighterLimitInOneMunicipalityChangesTheOutcomeThereOnly(String service) throws Exception {
        JsonNode issued = example(service, "issued");
        Application reference = platform.applications.submit(Caller.resident("ann"),
                submission(platform.municipality(service + "-reference"), service, issued));
        CriterionResult upper = reference.latestEvaluation().results().stream()
                .filter(r -> r.value() instanceof Number && r.limit() instanceof Number)
                .filter(r -> ((Number) r.value()).doubleValue() > 0)
                .findFirst().orElseThrow(() -> new AssertionError(service + " has no numeric limit"));
        double tighter = ((Number) upper.value()).doubleValue() / 2;
        String strict = platform.municipality(service + "-strict");
        String lenient = platform.municipality(service + "-lenient");
        Caller strictAdmin = Caller.admin("admin", strict);
        List<Criterion> changed = new ArrayList<>();
        for (Criterion criterion : platform.criteria.ruleSet(strictAdmin, strict, service).criteria()) {
            changed.add(criterion.id().equals(upper.criterion()) ? criterion.withLimit(tighter) : criterion);
        }
        platform.criteria.update(strictAdmin, strict, service, changed, null);

        Application inStrict = platform.applications.submit(Caller.resident("ann"), submission(strict, service, issued));
        Application inLenient = platform.applications.submit(Caller.resident("ann"), submission(lenient, service, issued));

        assertEquals(ApplicationState.IN_REVIEW, inStrict.state());
        assertEquals(List.of(upper.criterion()),
                inStrict.latestEvaluation().failed().stream().map(CriterionResult::criterion).toList());
        assertEquals(ApplicationState.ISSUED, inLenient.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spatialServices")
    void withoutTheZoneLayersASpatialCriterionSendsTheApplicationToAnOfficer(String service) throws Exception {
        // Tartu has loaded no zone layers: the platform does not guess whether the place is protected.
        Application application = platform.applications.submit(Caller.resident("ann"),
                submission("tartu", service, example(service, "issued")));
        assertEquals(ApplicationState.IN_REVIEW, application.state());
        List<CriterionResult> failed = application.latestEvaluation().failed();
        assertFalse(failed.isEmpty());
        for (CriterionResult result : failed) {
            assertTrue(result.note().equals("no value given") || result.note().equals("could not be evaluated"),
                    result.criterion() + ": " + result.note());
        }
    }

    @ParameterizedTest(name = "{0}–{1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "10:00, 12:00, ''",
        "06:00, 07:30, outside-morning-rush-hour",
        "09:00, 10:00, outside-morning-rush-hour",
        "18:00, 19:00, outside-evening-rush-hour",
        "07:00, 19:00, outside-morning-rush-hour outside-evening-rush-hour",
        "23:00, 06:30, ''",
        "23:00, 08:00, outside-morning-rush-hour",
        "09:30, 16:00, ''"})
    void aTransportAvoidsTheRushHoursEveryDayItRuns(String departure, String arrival, String failing) throws Exception {
        Submission issued = submission(platform.municipality("rush-" + departure.replace(":", "") + "-"
                + arrival.replace(":", "")), "transport", example("transport", "issued"));
        Map<String, Object> form = new java.util.HashMap<>(issued.form());
        form.put("departureTime", departure);
        form.put("arrivalTime", arrival);

        Application application = platform.applications.submit(Caller.resident("ann"),
                new Submission(issued.organization(), "transport", form, issued.location(), null));

        List<String> expected = failing.isBlank() ? List.of() : List.of(failing.split(" "));
        assertEquals(expected, application.latestEvaluation().failed().stream().map(CriterionResult::criterion).toList());
    }

    static Stream<String> spatialServices() {
        return Stream.of("advertising", "excavation", "transport", "tree-felling").filter(Platform.SERVICES::contains);
    }

    @org.junit.jupiter.api.Test
    void aGraveSiteIsIssuedOnlyWhenTheCemeteryRegisterSaysThePlotIsFree() throws Exception {
        URL definition = getClass().getClassLoader().getResource("OSGI-INF/raekoda/grave-site.json");
        JsonNode issued = read(definition, "OSGI-INF/raekoda/examples/issued.json");
        Submission free = submission("tartu", "grave-site", issued);
        Map<String, Object> occupiedForm = new java.util.HashMap<>(free.form());
        occupiedForm.put("plotNumber", "35");
        Map<String, Object> unknownForm = new java.util.HashMap<>(free.form());
        unknownForm.put("plotNumber", "999");

        Application occupied = platform.applications.submit(Caller.resident("ann"),
                new Submission("tartu", "grave-site", occupiedForm, free.location(), null));
        Application unknown = platform.applications.submit(Caller.resident("ann"),
                new Submission("tartu", "grave-site", unknownForm, free.location(), null));

        assertEquals(ApplicationState.IN_REVIEW, occupied.state());
        CriterionResult plot = occupied.latestEvaluation().failed().get(0);
        assertEquals("plot-free", plot.criterion());
        assertEquals(Boolean.FALSE, plot.value());
        assertEquals(ApplicationState.IN_REVIEW, unknown.state(), "a plot the register does not know is not issued on a guess");
        assertEquals("no value given", unknown.latestEvaluation().failed().get(0).note());
        Object register = ((Map<?, ?>) occupied.latestEvaluation().inputs().get("registry")).get("cemetery");
        assertEquals("occupied", ((Map<?, ?>) register).get("plotStatus"), "the decision keeps the register's answer");
    }

    static Stream<String> services() {
        return Platform.SERVICES.stream();
    }

    @SuppressWarnings("unchecked")
    static Submission submission(String municipality, String service, JsonNode example) {
        Map<String, Object> form = JSON.convertValue(example.path("form"), Map.class);
        JsonNode location = example.path("location");
        return new Submission(municipality, service, form,
                location.isMissingNode() || location.isNull() ? null : JSON.convertValue(location, Map.class), null);
    }

    /** One of a service's examples, e.g. {@code example("transport", "issued")}. */
    static JsonNode example(String service, String name) throws IOException {
        URL definition = EServiceExamplesTest.class.getClassLoader().getResource("OSGI-INF/raekoda/" + service + ".json");
        return read(definition, "OSGI-INF/raekoda/examples/" + name + ".json");
    }

    private static boolean exists(URL definition, String path) {
        try {
            read(definition, path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a file from the same jar (or folder) as the given definition. */
    private static JsonNode read(URL definition, String path) throws IOException {
        String url = definition.toString();
        String root = url.substring(0, url.length() - definition.getPath().length() + definition.getPath().indexOf("OSGI-INF/"));
        try (InputStream in = new URL(root + path).openStream()) {
            return JSON.readTree(in);
        }
    }
}
