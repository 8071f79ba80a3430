package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Criteria that could hurt the node, over HTTP against the distribution as shipped: a municipality's admin who
 * saves a catastrophic pattern, deep nesting, a huge range, class access or an unchargeable fee gets a 400
 * problem naming the criterion; the slowest criteria that are still accepted run into the per-application
 * deadline (the application goes to review, never a 500), and they do not slow down another municipality's
 * submissions beyond twice their normal latency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RulesSafetyIT {

    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";
    private static final String SERVICE = "excavation";
    private static final List<String> LAYERS = List.of("main-street");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Submissions measured per phase; the median of each is compared. */
    private static final int MEASURED = 30;

    private RunningDistribution karaf;

    @BeforeAll
    void start() throws Exception {
        karaf = RunningDistribution.fresh("rules-safety", Map.of()).development();
        karaf.bootFeatures(List.of("raekoda-permit-" + SERVICE));
        karaf.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> karaf.health() != null && karaf.health().status() == 200
                        && karaf.get("/api/v1/services/" + SERVICE).statusCode() == 200);
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void criteriaThatCannotRunSafelyAreRefusedWhenSaved() throws Exception {
        String town = municipality("unsafe");
        Map<String, String> unsafe = new LinkedHashMap<>();
        unsafe.put("catastrophic regex literal", "form.address =~ ~/(a+)+$/");
        unsafe.put("backreference (not linear)", "form.address =~ '(a+)\\\\1'");
        unsafe.put("long pattern", "form.address =~ '" + "a".repeat(300) + "'");
        unsafe.put("deep nesting", "(".repeat(40) + "form.depthMetres" + ")".repeat(40));
        unsafe.put("parser recursion", "(".repeat(1990));
        unsafe.put("huge range", "form.areaSquareMetres =~ (1..1000000000000)");
        unsafe.put("huge number", "1e999999999B + form.areaSquareMetres");
        unsafe.put("method call", "form.address.length()");
        unsafe.put("object creation", "new('java.io.File', '/etc/passwd')");
        unsafe.put("too long", "form.depthMetres" + " + 0".repeat(500));
        for (var attempt : unsafe.entrySet()) {
            for (String field : List.of("value", "test")) {
                ObjectNode criterion = criterion("bad-" + field, "form.depthMetres", "value <= limit", 2);
                criterion.put(field, attempt.getValue());
                ArrayNode criteria = JSON.createArrayNode().add(criterion("fine", "form.depthMetres", "value <= 2", null))
                        .add(criterion);
                for (String path : List.of("/criteria", "/criteria/dry-run")) {
                    HttpResponse<String> refused = karaf.send(path.endsWith("dry-run") ? "POST" : "PUT",
                            "/api/v1/municipalities/" + town + "/services/" + SERVICE + path,
                            body(criteria).toString(), "X-Raekoda-Dev-Caller", admin(town));
                    assertEquals(400, refused.statusCode(), attempt.getKey() + " in " + field + ": " + refused.body());
                    assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
                    JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
                    assertEquals("/criteria/1/" + field, error.path("pointer").asText(), refused.body());
                    assertTrue(error.path("detail").asText().startsWith("criterion bad-" + field + ": "),
                            refused.body());
                }
            }
        }
        // nothing was saved: the e-service's own criteria are in force
        JsonNode inForce = JSON.readTree(karaf.get("/api/v1/municipalities/" + town + "/services/" + SERVICE
                + "/criteria", "X-Raekoda-Dev-Caller", admin(town)).body());
        assertFalse(inForce.path("overridden").asBoolean(), inForce.toString());
    }

    @Test
    void classesAndGettersAreOutOfReachOfASavedCriterionWhilePatternsRun() throws Exception {
        String town = municipality("curious");
        ArrayNode criteria = JSON.createArrayNode()
                .add(criterion("class", "form.class", "value != null", null))
                .add(criterion("bytes", "form.address.bytes", "value != null", null))
                .add(criterion("pattern-limit", "form.address", "value =~ limit", "[^,]+, Tartu"))
                .add(criterion("pattern-literal", "form.address =~ '.*(Tartu|Tallinn)'", "value", null));
        expect(200, karaf.send("PUT", "/api/v1/municipalities/" + town + "/services/" + SERVICE + "/criteria",
                body(criteria).toString(), "X-Raekoda-Dev-Caller", admin(town)));
        JsonNode application = submit(town, form("Rüütli 1, Tartu"));
        assertEquals("IN_REVIEW", application.path("state").asText());
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        application.path("explanation").forEach(line -> lines.put(line.path("criterion").asText(), line));
        for (String escape : List.of("class", "bytes")) {
            assertFalse(lines.get(escape).path("passed").asBoolean(), lines.get(escape).toString());
            assertTrue(lines.get(escape).path("value").isNull() || lines.get(escape).path("value").isMissingNode(),
                    lines.get(escape).toString());
        }
        // RE2/J, embedded in the engine bundle, runs both kinds of pattern inside the distribution
        for (String pattern : List.of("pattern-limit", "pattern-literal")) {
            assertTrue(lines.get(pattern).path("passed").asBoolean(), lines.get(pattern).toString());
        }
    }

    @Test
    void feesThatCannotBeChargedAreRefused() throws Exception {
        String town = municipality("fees");
        for (String fee : List.of("-5", "100000000000", "form.address.length()", "~/x/")) {
            HttpResponse<String> refused = karaf.send("PUT", "/api/v1/municipalities/" + town + "/services/" + SERVICE
                    + "/local", "{\"fee\": " + JSON.writeValueAsString(fee) + "}", "X-Raekoda-Dev-Caller", admin(town));
            assertEquals(400, refused.statusCode(), fee + ": " + refused.body());
            assertEquals("/fee", JSON.readTree(refused.body()).path("errors").path(0).path("pointer").asText(),
                    refused.body());
        }
        // a fee that depends on the form is checked when it is computed: out of range is a 400 at the form
        expect(200, karaf.send("PUT", "/api/v1/municipalities/" + town + "/services/" + SERVICE + "/local",
                "{\"fee\": \"form.durationDays * 10000000000\"}", "X-Raekoda-Dev-Caller", admin(town)));
        HttpResponse<String> refused = post(town, form("Rüütli 1, Tartu"));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("/form", JSON.readTree(refused.body()).path("errors").path(0).path("pointer").asText());
        expect(200, karaf.send("PUT", "/api/v1/municipalities/" + town + "/services/" + SERVICE + "/local",
                "{\"fee\": \"9999999999.99\"}", "X-Raekoda-Dev-Caller", admin(town)));
        assertEquals("9999999999.99", submit(town, form("Rüütli 1, Tartu")).path("fee").asText());
    }

    @Test
    void slowCriteriaInOneMunicipalityDoNotSlowAnother() throws Exception {
        String slow = municipality("slow-a");
        String other = municipality("other-b");
        ObjectNode slowForm = form("ab".repeat(100));
        ObjectNode otherForm = form("Rüütli 1, Tartu");
        for (int i = 0; i < 10; i++) { // the JIT warms up on both paths
            submit(slow, slowForm);
            submit(other, otherForm);
        }

        List<Long> baseline = whileBusy(slow, slowForm, other, otherForm, null);

        ArrayNode slowest = JSON.createArrayNode();
        for (int i = 0; i < 100; i++) {
            slowest.add(criterion("slow-" + i, slowestAcceptedExpression(), "value == limit", false));
        }
        expect(200, karaf.send("PUT", "/api/v1/municipalities/" + slow + "/services/" + SERVICE + "/criteria",
                body(slowest).toString(), "X-Raekoda-Dev-Caller", admin(slow)));
        List<JsonNode> slowOnes = new CopyOnWriteArrayList<>();
        List<Long> withSlowNeighbour = whileBusy(slow, slowForm, other, otherForm, slowOnes);

        assertFalse(slowOnes.isEmpty());
        for (JsonNode application : slowOnes) {
            assertEquals("IN_REVIEW", application.path("state").asText(), "the rules could not decide");
            JsonNode last = application.path("explanation").path(99);
            assertTrue(last.path("note").asText().startsWith("could not be evaluated"), last.toString());
        }
        long normal = median(baseline);
        long beside = median(withSlowNeighbour);
        System.out.printf("RulesSafetyIT: municipality B's median submission %d ms normally, %d ms beside A's"
                + " slowest criteria (%d of A's submissions meanwhile)%n", normal / 1_000_000, beside / 1_000_000,
                slowOnes.size());
        assertTrue(beside <= 2 * normal, "B's median " + beside / 1_000_000 + " ms against " + normal / 1_000_000
                + " ms normally");

        // the dry run of the same criteria on A's past applications ends, naming the ones it could not evaluate
        HttpResponse<String> dryRun = karaf.send("POST", "/api/v1/municipalities/" + slow + "/services/" + SERVICE
                + "/criteria/dry-run", body(slowest).toString(), "X-Raekoda-Dev-Caller", admin(slow));
        assertEquals(200, dryRun.statusCode(), dryRun.body());
        JsonNode report = JSON.readTree(dryRun.body());
        assertTrue(report.path("notEvaluated").size() > 0, report.toString());
    }

    /**
     * B's submission latencies, {@link #MEASURED} of them one after the other, while A submits without pause on
     * another connection (so that both phases share the same load; only A's criteria differ).
     */
    private List<Long> whileBusy(String a, ObjectNode aForm, String b, ObjectNode bForm, List<JsonNode> aSubmitted)
            throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(true);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread neighbour = new Thread(() -> {
            try {
                while (measuring.get()) {
                    JsonNode application = submit(a, aForm);
                    if (aSubmitted != null) {
                        aSubmitted.add(application);
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "municipality-a");
        neighbour.start();
        List<Long> latencies = new ArrayList<>();
        try {
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                submit(b, bForm);
                latencies.add(System.nanoTime() - start);
            }
        } finally {
            measuring.set(false);
            neighbour.join();
        }
        assertTrue(failures.isEmpty(), "A's submissions failed: " + failures);
        return latencies;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * A criterion near the caps that is accepted: it matches a text of 1,000 characters (five times the
     * 200-character address) against a pattern as often as 2,000 characters allow, none matching, so that
     * {@code ||} runs them all.
     */
    static String slowestAcceptedExpression() {
        String match = "(form.address + form.address + form.address + form.address + form.address)"
                + " =~ '(a|b|c|d)*(x|y|z)'";
        StringBuilder expression = new StringBuilder(match);
        while (expression.length() + match.length() + 4 <= 2000) {
            expression.append(" || ").append(match);
        }
        return expression.toString();
    }

    private static ObjectNode criterion(String id, String value, String test, Object limit) {
        ObjectNode criterion = JSON.createObjectNode();
        criterion.put("id", id);
        criterion.set("title", JSON.createObjectNode().put("en", id));
        criterion.put("value", value);
        criterion.put("test", test);
        criterion.set("limit", JSON.valueToTree(limit));
        return criterion;
    }

    private static ObjectNode body(ArrayNode criteria) {
        ObjectNode body = JSON.createObjectNode();
        body.put("mode", "AUTOMATIC");
        body.set("criteria", criteria);
        return body;
    }

    private static String admin(String town) {
        return "subject=admin; roles=ADMIN; organization=" + town;
    }

    /** The excavation permit's issued example with this address, starting a month from now. */
    private static ObjectNode form(String address) throws Exception {
        ObjectNode example;
        String url = RulesSafetyIT.class.getClassLoader().getResource("OSGI-INF/raekoda/" + SERVICE + ".json").toString();
        try (InputStream in = new java.net.URL(url.substring(0, url.length() - (SERVICE + ".json").length())
                + "examples/issued.json").openStream()) {
            example = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode form = (ObjectNode) example.path("form");
        form.put("address", address);
        form.put("startDate", LocalDate.now(ZoneId.of("Europe/Tallinn")).plusDays(30).toString());
        ObjectNode body = JSON.createObjectNode();
        body.put("service", SERVICE);
        body.set("form", form);
        body.set("location", example.path("location"));
        return body;
    }

    private String municipality(String id) throws Exception {
        expect(200, karaf.send("PUT", "/api/v1/organizations/" + id,
                "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"" + id + "\"}}", "X-Raekoda-Dev-Caller", ROOT));
        expect(200, karaf.send("PUT", "/api/v1/municipalities/" + id + "/services/" + SERVICE,
                "{\"mode\":\"AUTOMATIC\"}", "X-Raekoda-Dev-Caller", admin(id)));
        for (String layer : LAYERS) {
            String geoJson = Files.readString(karaf.home().resolve("etc/raekoda/sample-layers/" + layer + ".geojson"));
            expect(200, karaf.send("PUT", "/api/v1/municipalities/" + id + "/zones/" + layer, geoJson,
                    "X-Raekoda-Dev-Caller", admin(id)));
        }
        return id;
    }

    private JsonNode submit(String town, ObjectNode application) throws Exception {
        HttpResponse<String> response = post(town, application);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String town, ObjectNode application) throws Exception {
        ObjectNode body = application.deepCopy();
        body.put("organization", town);
        return karaf.send("POST", "/api/v1/applications", body.toString(), "X-Raekoda-Dev-Caller",
                "subject=resident-" + town + "; roles=APPLICANT");
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }
}
