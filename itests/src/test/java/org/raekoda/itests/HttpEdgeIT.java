package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The HTTP edge of the shipped distribution: who may name themselves, which headers every answer carries,
 * how large and how deep a body may be, and that authentication and roles are checked before a body is read.
 * One node on the quick start's profile (development, embedded database) serves most tests; the profile tests
 * change its configuration file as an operator would, and one node on PostgreSQL shows that the development
 * profile alone does not open the header there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeIT {

    private static final String HEADER = "X-Raekoda-Dev-Caller";
    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";
    private static final String ADMIN = "subject=mari; roles=ADMIN,OFFICER; organization=tartu";
    private static final String OFFICER = "subject=olaf; roles=OFFICER; organization=tartu";
    private static final String ALICE = "subject=alice; roles=APPLICANT";
    private static final int MIB = 1024 * 1024;
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private RunningDistribution karaf;

    @BeforeAll
    void startTheQuickStart() throws Exception {
        karaf = RunningDistribution.fresh("http-edge", Map.of()).development()
                .bootFeatures(List.of("raekoda-permit-excavation")).start();
        await().atMost(BOOT).pollInterval(Duration.ofMillis(250)).until(() -> karaf.health() != null
                && karaf.health().status() == 200
                && karaf.get("/api/v1/services/excavation").statusCode() == 200);
        assertEquals(200, send("PUT", "/api/v1/organizations/tartu",
                "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Tartu\",\"et\":\"Tartu linn\"}}", ROOT).statusCode());
        assertEquals(200, send("PUT", "/api/v1/municipalities/tartu/services/excavation", "{\"mode\":\"SUGGEST\"}",
                ADMIN).statusCode());
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    // Safe by default

    @Test
    void theQuickStartAcceptsTheDevelopmentHeaderAndSaysSo() throws Exception {
        RunningDistribution.Health health = karaf.health();
        assertEquals("development", health.body().path("profile").asText());
        assertEquals("openid-connect,development-header", health.body().path("identity").asText());
        assertEquals(200, karaf.get("/api/v1/applications", HEADER, ALICE).statusCode());
        assertTrue(Files.readString(karaf.home().resolve("data/log/karaf.log"))
                .contains("DEVELOPMENT profile on the embedded database"), "a WARN at start names development mode");
    }

    @Test
    void everyProfileButExactlyDevelopmentIgnoresTheHeader() throws Exception {
        Path node = karaf.home().resolve("etc/org.raekoda.node.cfg");
        String shipped = Files.readString(node);
        try {
            // An unset variable is what a node that nobody configured has; Karaf makes it an empty string.
            for (String profile : List.of("${env:RAEKODA_NOT_SET_ANYWHERE}", "prod", "Production", "DEVELOPMENT")) {
                String wanted = "profile=" + profile + "\n";
                Files.writeString(node, wanted);
                String expected = profile.startsWith("$") ? "production" : profile;
                // Karaf's file installer may write the configuration it applied last back over the file: again.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!Files.readString(node).equals(wanted)) {
                        Files.writeString(node, wanted);
                    }
                    RunningDistribution.Health h = karaf.health();
                    return h != null && expected.equals(h.body().path("profile").asText());
                });
                assertEquals("openid-connect", karaf.health().body().path("identity").asText());
                HttpResponse<String> refused = karaf.get("/api/v1/applications", HEADER, ROOT);
                assertEquals(401, refused.statusCode(), profile);
                assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            }
        } finally {
            Files.writeString(node, shipped);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!Files.readString(node).equals(shipped)) {
                    Files.writeString(node, shipped);
                }
                RunningDistribution.Health h = karaf.health();
                return h != null && "openid-connect,development-header".equals(h.body().path("identity").asText());
            });
        }
    }

    @Test
    void onPostgresqlTheDevelopmentProfileAloneLeavesTheHeaderOff() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                RunningDistribution shared = RunningDistribution.fresh("http-edge-pg", Map.of(
                        "RAEKODA_DB_DRIVER", "org.postgresql.Driver",
                        "RAEKODA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                        "RAEKODA_DB_USER", "postgres",
                        "RAEKODA_DB_PASSWORD", "postgres")).development().start()) {
            RunningDistribution.Health health = await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                    .until(shared::health, h -> h != null && h.status() == 200);
            assertEquals("PostgreSQL", health.fact("database", "product"));
            assertEquals("development", health.body().path("profile").asText());
            assertEquals("openid-connect", health.body().path("identity").asText());
            assertEquals(401, shared.get("/api/v1/applications", HEADER, ROOT).statusCode());
            assertEquals(401, shared.send("PUT", "/api/v1/organizations/x",
                    "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"X\"}}", HEADER, ROOT).statusCode());
        }
    }

    // Security headers

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/api/v1/health", "/api/v1/services", "/api/v1/no-such-thing",
                "/api/v1/applications", "/api/openapi.json", "/api/api-docs/?url=/api/openapi.json",
                "/api/api-docs/swagger-ui-bundle.js", "/", "/no-such-page", "/api-but-not/v1")) {
            HttpResponse<String> response = karaf.get(path);
            assertEquals("nosniff", header(response, "X-Content-Type-Options"), path);
            assertEquals("DENY", header(response, "X-Frame-Options"), path);
            assertEquals("no-referrer", header(response, "Referrer-Policy"), path);
            assertTrue(header(response, "Content-Security-Policy").contains("frame-ancestors 'none'"), path);
        }
        HttpResponse<String> page = karaf.get("/api/api-docs/?url=/api/openapi.json");
        assertEquals(200, page.statusCode());
        String policy = header(page, "Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-eval"), policy);
        assertEquals(404, karaf.get("/api/v1/no-such-thing").statusCode());
        // Outside /api the node answers too, as a problem, not with the web server's own page.
        HttpResponse<String> outside = karaf.get("/no-such-page");
        assertEquals(404, outside.statusCode());
        assertTrue(header(outside, "Content-Type").startsWith("application/problem+json"), header(outside, "Content-Type"));
        assertEquals(200, karaf.get("/api/v1/health").statusCode(), "the API keeps its own servlet");
    }

    @Test
    void answersWithPersonalDataAreNeverStored() throws Exception {
        assertEquals("no-store", header(karaf.get("/api/v1/applications", HEADER, ALICE), "Cache-Control"));
        assertEquals("no-store", header(karaf.get("/api/v1/applications"), "Cache-Control"));
        assertEquals("no-store", header(karaf.get("/api/v1/officer/queue", HEADER, OFFICER), "Cache-Control"));
        assertEquals("", header(karaf.get("/api/v1/services"), "Cache-Control"), "the catalogue may be cached");
    }

    @Test
    void theSwaggerUiRedirectDoesNotEchoTheHostHeader() throws Exception {
        String answer = raw("GET /api/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 30"), answer);
        String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .orElse("");
        assertTrue(location.contains("/api/api-docs") && location.contains("url=/api/openapi.json"), answer);
        assertFalse(answer.contains("evil.example"), answer);
    }

    // Bounded input

    @Test
    void anOversizedAnonymousBodyIs413ProblemBeforeAnythingElse() throws Exception {
        HttpResponse<String> response = exchange("POST", "/api/v1/applications",
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(2 * MIB)));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        assertEquals(413, JSON.readTree(response.body()).path("status").asInt());
    }

    @Test
    void aChunkedBodyIsStoppedAtTheCap() throws Exception {
        HttpResponse<String> response = exchange("POST", "/api/v1/applications",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOfSize(2 * MIB))),
                HEADER, ALICE);
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
        // Without an identity the same body is refused with 401 before any of it is read.
        assertEquals(401, exchange("POST", "/api/v1/applications",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOfSize(2 * MIB))))
                .statusCode());
    }

    @Test
    void theNodeStaysHealthyAfterThirtyMegabyteBodies() throws Exception {
        byte[] huge = jsonOfSize(30 * MIB);
        for (int i = 0; i < 3; i++) {
            assertEquals(413, exchange("POST", "/api/v1/applications", HttpRequest.BodyPublishers.ofByteArray(huge))
                    .statusCode());
            assertEquals(413, exchange("POST", "/api/v1/applications",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), HEADER, ALICE)
                    .statusCode());
        }
        assertEquals(200, karaf.health().status());
        assertEquals(200, karaf.get("/api/v1/applications", HEADER, ALICE).statusCode());
    }

    @Test
    void deeplyNestedJsonIs400() throws Exception {
        String deep = "{\"organization\":\"tartu\",\"service\":\"excavation\",\"form\":{\"x\":"
                + "[".repeat(2000) + "]".repeat(2000) + "}}";
        HttpResponse<String> response = send("POST", "/api/v1/applications", deep, ALICE);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", header(response, "Content-Type"));
    }

    @Test
    void zoneLayersHaveTheirOwnCap() throws Exception {
        String path = "/api/v1/municipalities/tartu/zones/big";
        HttpResponse<String> withinZoneCap = exchange("PUT", path,
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(2 * MIB)), HEADER, ADMIN);
        assertTrue(withinZoneCap.statusCode() != 413, withinZoneCap.body());
        HttpResponse<String> overZoneCap = exchange("PUT", path,
                HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(9 * MIB)), HEADER, ADMIN);
        assertEquals(413, overZoneCap.statusCode(), overZoneCap.body());
    }

    @Test
    void callersWithoutIdentityOrRoleNeverHearAboutTheBody() throws Exception {
        String garbage = "{\"criteria\": [ this is not JSON";
        String criteria = "/api/v1/municipalities/tartu/services/excavation/criteria";
        assertEquals(401, send("PUT", criteria, garbage, null).statusCode());
        assertEquals(403, send("PUT", criteria, garbage, ALICE).statusCode());
        assertEquals(400, send("PUT", criteria, garbage, ADMIN).statusCode());
        assertEquals(403, send("PUT", "/api/v1/organizations/narva", garbage, ADMIN).statusCode());
        assertEquals(403, send("POST", "/api/v1/applications/any/decision", garbage, ALICE).statusCode());
        assertEquals(403, karaf.get("/api/v1/officer/queue", HEADER, ALICE).statusCode());
    }

    // The API as documented

    @Test
    void theAuditTrailIsValidJsonWithIsoTimes() throws Exception {
        String body = "{\"organization\":\"tartu\",\"service\":\"excavation\",\"form\":{\"address\":\"Rüütli 1, Tartu\","
                + "\"purpose\":\"water\",\"areaSquareMetres\":6,\"depthMetres\":1.2,\"startDate\":\""
                + java.time.LocalDate.now().plusDays(60) + "\",\"durationDays\":3,\"trafficImpact\":\"none\"},"
                + "\"location\":{\"type\":\"Polygon\",\"coordinates\":[[[26.650,58.350],[26.651,58.350],"
                + "[26.651,58.3505],[26.650,58.3505],[26.650,58.350]]]}}";
        HttpResponse<String> submitted = send("POST", "/api/v1/applications", body, ALICE);
        assertEquals(201, submitted.statusCode(), submitted.body());
        assertTrue(header(submitted, "Location").startsWith("/api/v1/applications/"), header(submitted, "Location"));
        String id = JSON.readTree(submitted.body()).path("id").asText();

        HttpResponse<String> audit = karaf.get("/api/v1/applications/" + id + "/audit", HEADER, OFFICER);
        assertEquals(200, audit.statusCode(), audit.body());
        JsonNode trail = JSON.readTree(audit.body());
        assertTrue(trail.isArray() && trail.size() >= 1, audit.body());
        Instant at = Instant.parse(trail.get(0).path("at").asText());
        assertTrue(at.isBefore(Instant.now().plusSeconds(60)));
        assertEquals("submitted", trail.get(0).path("action").asText());
    }

    @Test
    void anOrganizationsNameHasTheSameShapeInAndOut() throws Exception {
        String name = "{\"en\":\"Narva\",\"et\":\"Narva linn\"}";
        HttpResponse<String> saved = send("PUT", "/api/v1/organizations/narva",
                "{\"kind\":\"MUNICIPALITY\",\"name\":" + name + "}", ROOT);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode organization = JSON.readTree(saved.body());
        assertEquals(JSON.readTree(name), organization.path("name"));
        assertEquals("MUNICIPALITY", organization.path("kind").asText());
    }

    private HttpResponse<String> send(String method, String path, String json, String caller) throws Exception {
        return caller == null ? karaf.send(method, path, json) : karaf.send(method, path, json, HEADER, caller);
    }

    private HttpResponse<String> exchange(String method, String path, HttpRequest.BodyPublisher body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body).header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Valid JSON of about the given size: one long string field. */
    private static byte[] jsonOfSize(int bytes) {
        return ("{\"padding\":\"" + "x".repeat(bytes) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** A request written by hand, for headers Java's HTTP client will not send (Host). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", karaf.httpPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
