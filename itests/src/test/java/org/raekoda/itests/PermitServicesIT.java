package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The five permit e-services over HTTP, in the distribution as shipped, on PostgreSQL: the municipality
 * installs them as features, loads the sample town's zone layers from {@code etc/raekoda/sample-layers}
 * through the admin API, and every example of every e-service gets the outcome it promises (issued at
 * once, review with the named criteria failing, 400 problem+json with the named pointers, a clash with a
 * permit issued before). A limit changed by one municipality changes the outcome there only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermitServicesIT {

    private static final List<String> SERVICES = List.of("advertising", "excavation", "grave-site", "transport",
            "tree-felling");
    private static final List<String> LAYERS = List.of("heritage", "residential", "protected-area", "main-street",
            "restricted-street");
    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedPostgres postgres;
    private RunningDistribution karaf;

    @BeforeAll
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        List<String> features = new ArrayList<>(SERVICES.stream().map(s -> "raekoda-permit-" + s).toList());
        features.add("raekoda-integration-local-cemetery");
        karaf = RunningDistribution.fresh("permits", Map.of(
                "RAEKODA_DB_DRIVER", "org.postgresql.Driver",
                "RAEKODA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "RAEKODA_DB_USER", "postgres",
                "RAEKODA_DB_PASSWORD", "postgres"));
        karaf.bootFeatures(features);
        karaf.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> karaf.health() != null && karaf.health().status() == 200
                        && SERVICES.stream().allMatch(this::inCatalogue));
        // Installing the e-services restarted none of the platform's bundles (no refresh of the JPA and
        // CXF stack mid-start, which once left a node unhealthy); see distribution/pom.xml, autoRefresh.
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
        assertTrue(!log.contains("Refreshing bundles"), "bundles were refreshed at boot");
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    Stream<Arguments> examples() throws IOException {
        List<Arguments> examples = new ArrayList<>();
        for (String service : SERVICES) {
            for (String name : List.of("issued", "review", "invalid", "clash")) {
                JsonNode example = example(service, name);
                if (example != null) {
                    examples.add(Arguments.of(service, name, example));
                }
            }
        }
        return examples.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("examples")
    void theExampleGivesTheOutcomeItPromisesOverHttp(String service, String name, JsonNode example) throws Exception {
        String town = municipality(service + "-" + name);
        for (JsonNode earlier : example.path("after")) {
            String[] serviceAndName = earlier.asText().split("/");
            JsonNode first = submit(town, serviceAndName[0], example(serviceAndName[0], serviceAndName[1]), 201);
            assertEquals("ISSUED", first.path("state").asText(), earlier.asText() + " is issued first");
        }
        if (example.path("expect").asText().equals("INVALID")) {
            HttpResponse<String> refused = post(town, service, example);
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            List<String> pointers = new ArrayList<>();
            JSON.readTree(refused.body()).path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
            for (JsonNode pointer : example.path("pointers")) {
                assertTrue(pointers.contains(pointer.asText()), pointer.asText() + " not in " + refused.body());
            }
            return;
        }
        JsonNode application = submit(town, service, example, 201);
        assertEquals(example.path("expect").asText(), application.path("state").asText(), application.toString());
        List<String> failing = new ArrayList<>();
        application.path("explanation").forEach(line -> {
            if (!line.path("passed").asBoolean()) {
                failing.add(line.path("criterion").asText());
            }
        });
        List<String> promised = new ArrayList<>();
        example.path("failing").forEach(id -> promised.add(id.asText()));
        assertEquals(promised, failing, application.path("explanation").toString());
        if (example.has("after")) {
            String path = "/api/v1/applications/" + application.path("id").asText() + "/conflicts";
            HttpResponse<String> inTheWay = karaf.get(path, "X-Raekoda-Dev-Caller",
                    "subject=officer; roles=OFFICER; organization=" + town);
            assertEquals(200, inTheWay.statusCode(), inTheWay.body());
            assertEquals(example.path("after").get(0).asText().split("/")[0],
                    JSON.readTree(inTheWay.body()).path(0).path("service").asText(), "the officer sees the permit in the way");
            assertEquals(403, karaf.get(path, "X-Raekoda-Dev-Caller", "subject=resident-" + town + "; roles=APPLICANT")
                    .statusCode(), "other permits are not the applicant's to see");
        }
    }

    @Test
    void aHeavierLimitInOneMunicipalityChangesTheOutcomeThereOnly() throws Exception {
        String strict = municipality("transport-strict");
        String lenient = municipality("transport-lenient");
        String admin = "subject=admin; roles=ADMIN; organization=" + strict;
        JsonNode ruleSet = JSON.readTree(karaf.get("/api/v1/municipalities/" + strict + "/services/transport/criteria",
                "X-Raekoda-Dev-Caller", admin).body());
        ObjectNode body = JSON.createObjectNode();
        body.put("mode", "AUTOMATIC");
        body.set("criteria", ruleSet.path("criteria"));
        for (JsonNode criterion : body.path("criteria")) {
            if (criterion.path("id").asText().equals("max-gross-mass")) {
                ((ObjectNode) criterion).put("limit", 30);
            }
        }
        HttpResponse<String> saved = karaf.send("PUT", "/api/v1/municipalities/" + strict + "/services/transport/criteria",
                body.toString(), "X-Raekoda-Dev-Caller", admin);
        assertEquals(200, saved.statusCode(), saved.body());

        JsonNode inStrict = submit(strict, "transport", example("transport", "issued"), 201);
        JsonNode inLenient = submit(lenient, "transport", example("transport", "issued"), 201);

        assertEquals("IN_REVIEW", inStrict.path("state").asText());
        assertEquals("ISSUED", inLenient.path("state").asText());
        JsonNode form = example("transport", "issued").path("form");
        assertEquals(form.path("startDate").asText(), inLenient.path("occupiedFrom").asText(), "the days the route is taken");
        assertEquals(form.path("endDate").asText(), inLenient.path("occupiedUntil").asText());
    }

    /** A municipality of its own: every permit e-service, automatic, the sample layers, its cemetery plots. */
    private String municipality(String id) throws Exception {
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
        // The municipality's cemetery register, in the database: its plots count at once on every node.
        HttpResponse<String> plots = karaf.send("PUT", "/api/v1/municipalities/" + id + "/registers/cemetery",
                "raadi,12,34,free\nraadi,7,102,free\nraadi,12,35,occupied\n", "X-Raekoda-Dev-Caller", admin,
                "Content-Type", "text/csv");
        expect(200, plots);
        assertEquals(3, JSON.readTree(plots.body()).path("rows").asInt(), plots.body());
        return id;
    }

    private JsonNode submit(String town, String service, JsonNode example, int status) throws Exception {
        HttpResponse<String> response = post(town, service, example);
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String town, String service, JsonNode example) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", town);
        body.put("service", service);
        body.set("form", example.path("form"));
        if (example.has("location") && !example.path("location").isNull()) {
            body.set("location", example.path("location"));
        }
        return karaf.send("POST", "/api/v1/applications", body.toString(), "X-Raekoda-Dev-Caller",
                "subject=resident-" + town + "; roles=APPLICANT");
    }

    private boolean inCatalogue(String service) {
        try {
            return karaf.get("/api/v1/services/" + service).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }

    /** An example from the permit bundle's own jar, or null when it has none of that name. */
    private static JsonNode example(String service, String name) throws IOException {
        String url = PermitServicesIT.class.getClassLoader().getResource("OSGI-INF/raekoda/" + service + ".json").toString();
        String examples = url.substring(0, url.length() - (service + ".json").length()) + "examples/" + name + ".json";
        try (InputStream in = new java.net.URL(examples).openStream()) {
            return JSON.readTree(in);
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
    }
}
