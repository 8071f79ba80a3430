package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Input from people and programs the platform cannot trust, against the distribution as shipped with the
 * five e-services: a resident's mistakes are answered in their language, field by field, and random, mostly
 * wrong requests over every operation of the OpenAPI document, from callers of every role and of none, never
 * get a 5xx and leave the node healthy. The build sends a few thousand; {@code -Draekoda.fuzz.requests=100000}
 * sends as many as docs/security.md records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("advertising", "excavation", "grave-site", "transport",
            "tree-felling");
    private static final List<String> LAYERS = List.of("heritage", "residential", "protected-area", "main-street",
            "restricted-street");
    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";

    private RunningDistribution karaf;
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        karaf = RunningDistribution.fresh("untrusted", Map.of());
        List<String> features = new ArrayList<>(SERVICES.stream().map(s -> "raekoda-permit-" + s).toList());
        features.add("raekoda-integration-local-cemetery");
        karaf.development().bootFeatures(features).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> karaf.health() != null && karaf.health().status() == 200
                        && karaf.get("/api/v1/services/tree-felling").statusCode() == 200);
        for (String town : List.of("fuzz-a", "fuzz-b")) {
            ids.addAll(municipality(karaf, town));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void aResidentsMistakesAreExplainedFieldByFieldInTheirLanguage() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", "fuzz-a");
        body.put("service", "excavation");
        ObjectNode form = body.putObject("form");
        form.put("address", "Rüütli 1");
        form.put("purpose", "oil");
        form.put("areaSquareMetres", 6);
        form.put("depthMetres", 31);
        form.put("startDate", "next week");
        form.put("durationDays", 3);
        body.set("location", JSON.readTree("{\"type\":\"Polygon\",\"coordinates\":[[[26.72,58.37],[26.7202,58.37],"
                + "[26.7202,58.3702],[26.72,58.3702],[26.72,58.37]]]}"));
        Map<String, Map<String, String>> expected = Map.of(
                "en", Map.of("/form/depthMetres", "\u201cGreatest depth (m)\u201d must be at most 30",
                        "/form/purpose", "\u201cPurpose of the works\u201d must be one of: water, sewer, electricity,"
                                + " telecom, district-heating, gas, construction, other",
                        "/form/trafficImpact", "\u201cEffect on traffic\u201d is required"),
                "et", Map.of("/form/depthMetres", "\u201cSuurim sügavus (m)\u201d peab olema kõige rohkem 30",
                        "/form/startDate", "\u201cTööde esimene päev\u201d peab olema kuupäev (AAAA-KK-PP)"),
                "lv", Map.of("/form/trafficImpact", "\u201cIetekme uz satiksmi\u201d ir obligāts"),
                "sv", Map.of("/form/depthMetres", "\u201cStörsta djup (m)\u201d får vara högst 30"));
        for (Map.Entry<String, Map<String, String>> language : expected.entrySet()) {
            HttpResponse<String> refused = karaf.send("POST", "/api/v1/applications", body.toString(),
                    "X-Raekoda-Dev-Caller", "subject=resident-1; roles=APPLICANT",
                    "Accept-Language", language.getKey() + ", en;q=0.5");
            assertEquals(400, refused.statusCode(), refused.body());
            Map<String, String> messages = new java.util.HashMap<>();
            JSON.readTree(refused.body()).path("errors")
                    .forEach(e -> messages.put(e.path("pointer").asText(), e.path("detail").asText()));
            language.getValue().forEach((pointer, message) -> assertEquals(message, messages.get(pointer),
                    language.getKey() + " " + pointer + " in " + refused.body()));
            assertTrue(messages.values().stream().noneMatch(m -> m.contains("$") || m.contains("property")
                    || m.contains("Exception") || m.contains("org.")), refused.body());
        }
        // An action that is not one of the officer's is answered with the ones that are.
        HttpResponse<String> wrongAction = karaf.send("POST", "/api/v1/applications/" + ids.get(0) + "/decision",
                "{\"action\":\"APPROVE\",\"version\":0}", "X-Raekoda-Dev-Caller",
                "subject=officer-x; roles=OFFICER; organization=fuzz-a");
        assertEquals(400, wrongAction.statusCode(), wrongAction.body());
        assertTrue(wrongAction.body().contains("ISSUE") && wrongAction.body().contains("REQUEST_INFO"),
                wrongAction.body());
    }

    @Test
    void noRequestOfAnyShapeFromAnyCallerGetsA5xx() throws Exception {
        int requests = Integer.getInteger("raekoda.fuzz.requests", 3000);
        long seed = Long.getLong("raekoda.fuzz.seed", 20261202L);
        {
            HttpResponse<String> document = karaf.get("/api/openapi.json");
            assertEquals(200, document.statusCode());
            HttpFuzzer fuzzer = new HttpFuzzer("http://localhost:" + karaf.httpPort(), JSON.readTree(document.body()),
                    List.of("fuzz-a", "fuzz-b", "elsewhere"), SERVICES, LAYERS, ids);
            assertTrue(fuzzer.operations().size() >= 20, "operations in the document: " + fuzzer.operations().size());

            long started = System.nanoTime();
            HttpFuzzer.Result result = fuzzer.run(requests, 4, seed);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("UntrustedInputIT: %d requests over %d operations in %.1f s (seed %d); by status %s%n",
                    result.requests(), fuzzer.operations().size(), seconds, seed, result.byStatus());
            assertTrue(result.failures().isEmpty(), result.failures().size() + " answers were 5xx, first ones: "
                    + result.failures().subList(0, Math.min(10, result.failures().size())));
            assertEquals(fuzzer.operations().size(), result.byOperation().size(),
                    "every operation was called: " + result.byOperation().keySet());
            RunningDistribution.Health health = karaf.health();
            assertEquals(200, health.status(), health.raw());
            // After the storm, an ordinary submission still works.
            assertEquals(201, submit(karaf, "fuzz-b").statusCode());
        }
    }

    /** A municipality offering the five e-services, with the sample layers and some applications already in. */
    private static List<String> municipality(RunningDistribution karaf, String id) throws Exception {
        String admin = "subject=admin; roles=ADMIN; organization=" + id;
        expect(200, karaf.send("PUT", "/api/v1/organizations/" + id,
                "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"" + id + "\"}}", "X-Raekoda-Dev-Caller", ROOT));
        for (String service : SERVICES) {
            expect(200, karaf.send("PUT", "/api/v1/municipalities/" + id + "/services/" + service,
                    "{\"mode\":\"AUTOMATIC\"}", "X-Raekoda-Dev-Caller", admin));
        }
        for (String layer : LAYERS) {
            String geoJson = Files.readString(karaf.home().resolve("etc/raekoda/sample-layers/" + layer + ".geojson"));
            expect(200, karaf.send("PUT", "/api/v1/municipalities/" + id + "/zones/" + layer, geoJson,
                    "X-Raekoda-Dev-Caller", admin));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> submitted = submit(karaf, id);
            expect(201, submitted);
            ids.add(JSON.readTree(submitted.body()).path("id").asText());
        }
        return ids;
    }

    private static HttpResponse<String> submit(RunningDistribution karaf, String town) throws Exception {
        JsonNode example = example();
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", town);
        body.put("service", "tree-felling");
        body.set("form", example.path("form"));
        body.set("location", example.path("location"));
        return karaf.send("POST", "/api/v1/applications", body.toString(), "X-Raekoda-Dev-Caller",
                "subject=resident-1; roles=APPLICANT");
    }

    /** The tree-felling e-service's own example of an application it issues. */
    private static JsonNode example() throws Exception {
        String url = UntrustedInputIT.class.getClassLoader().getResource("OSGI-INF/raekoda/tree-felling.json").toString();
        try (InputStream in = new java.net.URL(url.replace("tree-felling.json", "examples/issued.json")).openStream()) {
            return JSON.readTree(in);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }
}
