package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The access matrix of issue 10: every operation of the OpenAPI document the node serves, called by every role,
 * each answer compared with the rule the operation declares ({@code x-raekoda-access.rule}).
 *
 * <p>A production node (no development header anywhere) trusts NAV's mock-oauth2-server on loopback; every role
 * is a person with a real bearer token, and everything the walk needs (organizations, memberships, the offer,
 * a mandate, representation rights, the target application) is set up through the API with those tokens. Each
 * answer is classified: 401, 403, 404, or ALLOWED (any other 2xx, 3xx or 4xx: access passed and the request went
 * on to be judged on its merits); a 5xx never matches. All mismatches are collected and reported at once, and the
 * whole matrix is written to {@code target/access-matrix.md}.
 *
 * <p>Requests are specified per operation in {@link #specifications()}: an operation of the document without an
 * entry there fails the test, so that a new operation cannot skip the matrix. Operations that change an
 * application act on a fresh application of the citizen, replaced after every call that succeeded, so that one
 * role's success does not decide another role's answer. Memberships and mandates to revoke are made for each call.
 *
 * <p>Browser sessions: {@code GET /v1/auth/session} and {@code POST /v1/auth/logout} are about the page login's
 * session, which a bearer token does not have. For them each role logs in through the authorization code flow
 * (the node's login, mock-oauth2-server's authorize, the node's callback) as its own person and sends only the
 * session cookie (and, for logout, the session's CSRF token); ANONYMOUS sends nothing. {@code GET
 * /v1/auth/callback} is called with a state and code of a flow started for that call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER_ID = "matrix";
    private static final String CLIENT = "raekoda";
    private static final String TOWN = "town";
    private static final String ELSEWHERE = "elsewhere";
    private static final String SERVICE = "excavation";
    private static final String COMPANY = "12345678";
    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

    /** Who calls. Each is a person of their own with a token, but ANONYMOUS. */
    enum Role {
        ANONYMOUS, CITIZEN, OTHER_CITIZEN, REPRESENTATIVE, OFFICER, ADMIN, OTHER_OFFICER, OTHER_ADMIN,
        SERVICE_CENTRE, PLATFORM_ADMIN
    }

    /** What an answer says about access. */
    enum Outcome {
        ALLOWED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, SERVER_ERROR;

        static Outcome of(int status) {
            return switch (status) {
                case 401 -> UNAUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                default -> status >= 500 ? SERVER_ERROR : ALLOWED;
            };
        }
    }

    /** Valid Estonian personal codes (check digit included), one person per role. */
    private static final Map<Role, String> PERSONS = new EnumMap<>(Map.of(
            Role.CITIZEN, "38001085718",
            Role.OTHER_CITIZEN, "49403136526",
            Role.REPRESENTATIVE, "38501010220",
            Role.OFFICER, "48702020337",
            Role.ADMIN, "39003030449",
            Role.OTHER_OFFICER, "49104040552",
            Role.OTHER_ADMIN, "37505050669",
            Role.SERVICE_CENTRE, "47606060772",
            Role.PLATFORM_ADMIN, "38107070880"));

    private MockOAuth2Server provider;
    private RunningDistribution karaf;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    /** "METHOD /path" of each operation of the served document, and its declared rule. */
    private final Map<String, String> rules = new TreeMap<>();
    /** The citizen's application that reads are about. */
    private String target;
    /** Fresh applications of operations that change one, by operation; dropped after a call that succeeded. */
    private final Map<String, String> fresh = new LinkedHashMap<>();
    /** Persons made up for grants and mandates, so that no call depends on an earlier one. */
    private final AtomicInteger extraPersons = new AtomicInteger();
    /** How many requests about an application that does not exist were compared with the real one's answer. */
    private final AtomicInteger leakChecks = new AtomicInteger();
    /** Applications the rules issued at once, for human reviews. */
    private final AtomicInteger issuedByRules = new AtomicInteger();
    private JsonNode ruleSet;
    private JsonNode localSettings;

    @BeforeAll
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), FreePorts.next());
        // The production profile: RAEKODA_PROFILE unset, the development header ignored.
        karaf = RunningDistribution.fresh("matrix", Map.of());
        karaf.bootFeatures(List.of("raekoda-permit-" + SERVICE));
        karaf.trustIdentityProvider(ISSUER_ID, provider.issuerUrl(ISSUER_ID).toString(), CLIENT);
        Files.writeString(karaf.home().resolve("etc/org.raekoda.identity.cfg"),
                "platformAdmins = EE" + PERSONS.get(Role.PLATFORM_ADMIN) + "\n");
        karaf.start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> karaf.health() != null && karaf.health().status() == 200
                        && status("/api/v1/services/" + SERVICE) == 200
                        && karaf.get("/api/v1/auth/providers").body().contains(ISSUER_ID));
        assertTrue(!karaf.health().raw().contains("development-header"), "a production node: " + karaf.health().raw());
        for (Map.Entry<Role, String> person : PERSONS.entrySet()) {
            tokens.put(person.getKey(), provider.issueToken(ISSUER_ID, "EE" + person.getValue(), CLIENT,
                    Map.of("name", person.getKey().name().toLowerCase(Locale.ROOT)), 3600).serialize());
        }
        setUp();
    }

    /** Organizations, memberships, the offer, a mandate, representation rights and the target: all through the API. */
    private void setUp() throws Exception {
        for (String organization : List.of(TOWN, ELSEWHERE)) {
            expect(200, Role.PLATFORM_ADMIN, "PUT", "/v1/organizations/" + organization, organization(organization));
        }
        expect(201, Role.PLATFORM_ADMIN, "POST", memberships(TOWN), membership(PERSONS.get(Role.ADMIN), "ADMIN"));
        expect(201, Role.PLATFORM_ADMIN, "POST", memberships(ELSEWHERE),
                membership(PERSONS.get(Role.OTHER_ADMIN), "ADMIN"));
        expect(201, Role.ADMIN, "POST", memberships(TOWN), membership(PERSONS.get(Role.OFFICER), "OFFICER"));
        expect(201, Role.ADMIN, "POST", memberships(TOWN),
                membership(PERSONS.get(Role.SERVICE_CENTRE), "SERVICE_CENTRE"));
        expect(201, Role.OTHER_ADMIN, "POST", memberships(ELSEWHERE),
                membership(PERSONS.get(Role.OTHER_OFFICER), "OFFICER"));
        // SUGGEST: the rules advise, an officer decides; every application waits in the town's queue.
        expect(200, Role.ADMIN, "PUT", "/v1/municipalities/" + TOWN + "/services/" + SERVICE, offer());
        expect(200, Role.OTHER_ADMIN, "PUT", "/v1/municipalities/" + ELSEWHERE + "/services/" + SERVICE, offer());
        // The sample town's layers, so that the rules find what they read (excavation: the main streets).
        for (String layer : PermitServicesIT.LAYERS) {
            expect(200, Role.ADMIN, "PUT", "/v1/municipalities/" + TOWN + "/zones/" + layer,
                    Files.readString(karaf.home().resolve("etc/raekoda/sample-layers/" + layer + ".geojson")));
        }
        expect(201, Role.CITIZEN, "POST", "/v1/me/mandates", mandate(PERSONS.get(Role.REPRESENTATIVE), SERVICE));
        expect(200, Role.PLATFORM_ADMIN, "PUT", "/v1/registers/representation-rights", representation(),
                "Content-Type", "text/csv");
        ruleSet = expect(200, Role.ADMIN, "GET", criteria(), null);
        localSettings = expect(200, Role.ADMIN, "GET", "/v1/municipalities/" + TOWN + "/services/" + SERVICE + "/local",
                null);
        target = submitAsCitizen();
        JsonNode seen = expect(200, Role.OFFICER, "GET", "/v1/applications/" + target, null);
        assertEquals("IN_REVIEW", seen.path("state").asText(), "the target waits for an officer: " + seen);
        JsonNode me = expect(200, Role.REPRESENTATIVE, "GET", "/v1/me", null);
        assertEquals(COMPANY, me.path("companies").path(0).path("code").asText(), me.toString());
        JsonNode officer = expect(200, Role.OFFICER, "GET", "/v1/me", null);
        assertTrue(officer.toString().contains(TOWN), "the officer's membership holds: " + officer);
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void everyOperationWithEveryRoleAnswersAsItsRuleSays() throws Exception {
        HttpResponse<String> served = karaf.get("/api/openapi.json");
        assertEquals(200, served.statusCode());
        JSON.readTree(served.body()).path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(operation -> rules.put(operation.getKey().toUpperCase(Locale.ROOT) + " "
                        + path.getKey(), operation.getValue().path("x-raekoda-access").path("rule").asText())));
        assertTrue(rules.size() > 30, "the document lists the API's operations: " + rules.keySet());

        Map<String, Spec> specifications = specifications();
        List<String> unknown = rules.keySet().stream().filter(op -> !specifications.containsKey(op)).toList();
        assertEquals(List.of(), unknown, "operations of the document without a request in the matrix");
        List<String> undeclared = rules.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), undeclared, "operations of the document without x-raekoda-access");

        Map<String, Map<Role, Integer>> matrix = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        long started = System.nanoTime();
        for (Map.Entry<String, String> operation : rules.entrySet()) {
            String key = operation.getKey();
            Spec spec = specifications.get(key);
            for (Role role : Role.values()) {
                Call call = spec.call(role);
                HttpResponse<String> response = send(call);
                int status = response.statusCode();
                matrix.computeIfAbsent(key, k -> new EnumMap<>(Role.class)).put(role, status);
                if (status < 300 && spec.changesApplication()) {
                    fresh.remove(key);
                }
                Outcome expected = expected(key, operation.getValue(), role);
                Outcome got = Outcome.of(status);
                if (expected != got) {
                    mismatches.add(key + " as " + role + ": expected " + expected + ", got " + status + " "
                            + abbreviate(response.body()));
                }
                if (key.startsWith("POST /v1/applications/{id}") || key.startsWith("GET /v1/applications/{id}")) {
                    String leak = leak(call, response, role);
                    if (leak != null) {
                        mismatches.add(key + " as " + role + ": " + leak);
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(leakChecks.get() > 50, "requests about an unknown application: " + leakChecks);
        write(matrix, mismatches, took);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " answers differ from the declared rules (see target/access-matrix.md):\n"
                    + String.join("\n", mismatches));
        }
    }

    /**
     * Whether a caller who may not know that the application exists learns it: for them the same request about an
     * application that does not exist must get the same status and problem title. The applicant, their
     * representative and the officers of its organization may know; everyone else may not.
     */
    private String leak(Call call, HttpResponse<String> real, Role role) throws Exception {
        if (role == Role.CITIZEN || role == Role.REPRESENTATIVE || role == Role.OFFICER) {
            return null;
        }
        String path = call.path().replaceFirst("^/v1/applications/[^/?]+", "/v1/applications/" + UNKNOWN_ID);
        HttpResponse<String> unknown = send(new Call(call.bearer(), call.method(), path, call.body(), call.headers()));
        leakChecks.incrementAndGet();
        if (unknown.statusCode() == real.statusCode() && title(unknown).equals(title(real))) {
            return null;
        }
        return "existence leaks: " + real.statusCode() + " " + title(real) + " for the application, "
                + unknown.statusCode() + " " + title(unknown) + " for one that does not exist";
    }

    private static String title(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("title").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * What the rule says a role gets. The roles are set up so that each rule separates them: ADMIN holds only
     * ADMIN in town (not OFFICER), SERVICE_CENTRE only SERVICE_CENTRE in town, PLATFORM_ADMIN no membership, and
     * REPRESENTATIVE holds the citizen's mandate for the e-service of the target application.
     */
    static Outcome expected(String operation, String rule, Role role) {
        if (rule.equals("PUBLIC")) {
            return Outcome.ALLOWED;
        }
        if (role == Role.ANONYMOUS) {
            return Outcome.UNAUTHENTICATED;
        }
        return switch (rule) {
            case "AUTHENTICATED", "APPLICANT" -> Outcome.ALLOWED;
            case "APPLICATION_PARTY" -> role == Role.CITIZEN || role == Role.REPRESENTATIVE || role == Role.OFFICER
                    ? Outcome.ALLOWED : Outcome.NOT_FOUND;
            case "APPLICATION_OWNER" -> role == Role.CITIZEN || role == Role.REPRESENTATIVE ? Outcome.ALLOWED
                    : role == Role.OFFICER ? Outcome.FORBIDDEN : Outcome.NOT_FOUND;
            case "APPLICATION_OFFICER" -> role == Role.OFFICER ? Outcome.ALLOWED
                    : role == Role.OTHER_OFFICER ? Outcome.NOT_FOUND : Outcome.FORBIDDEN;
            case "OFFICER" -> role == Role.OFFICER || role == Role.OTHER_OFFICER ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case "ORGANIZATION_ADMIN" -> role == Role.ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case "ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN" -> role == Role.ADMIN || role == Role.PLATFORM_ADMIN
                    ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            case "PLATFORM_ADMIN" -> role == Role.PLATFORM_ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            default -> throw new AssertionError(operation + " declares a rule the matrix does not know: " + rule);
        };
    }

    /** A valid request for each operation of the document, as each role sends it. */
    private Map<String, Spec> specifications() {
        Map<String, Spec> specs = new TreeMap<>();
        String applications = "/v1/applications";
        String municipality = "/v1/municipalities/" + TOWN;
        String service = municipality + "/services/" + SERVICE;

        specs.put("GET /v1/health", role -> Call.bearer(role, "GET", "/v1/health", null));
        specs.put("GET /v1/services", role -> Call.bearer(role, "GET", "/v1/services?municipality=" + TOWN, null));
        specs.put("GET /v1/services/{id}", role -> Call.bearer(role, "GET", "/v1/services/" + SERVICE, null));
        specs.put("GET /v1/municipalities/{m}/zones", role -> Call.bearer(role, "GET", municipality + "/zones", null));
        specs.put("GET /v1/municipalities/{m}/zones/{layer}",
                role -> Call.bearer(role, "GET", municipality + "/zones/heritage", null));

        specs.put("GET /v1/applications", role -> Call.bearer(role, "GET", applications, null));
        specs.put("POST /v1/applications", role -> Call.bearer(role, "POST", applications, submission().toString()));
        specs.put("GET /v1/applications/{id}", role -> Call.bearer(role, "GET", applications + "/" + target, null));
        specs.put("GET /v1/applications/{id}/conflicts",
                role -> Call.bearer(role, "GET", applications + "/" + target + "/conflicts", null));
        specs.put("GET /v1/applications/{id}/audit",
                role -> Call.bearer(role, "GET", applications + "/" + target + "/audit", null));
        changing(specs, "POST /v1/applications/{id}/withdraw",
                (role, id) -> Call.bearer(role, "POST", applications + "/" + id + "/withdraw", null));
        changing(specs, "POST /v1/applications/{id}/human-review", (role, id) -> Call.bearer(role, "POST",
                applications + "/" + id + "/human-review", "{\"reason\":\"Please look at it again\"}"));
        changing(specs, "POST /v1/applications/{id}/answer", (role, id) -> Call.bearer(role, "POST",
                applications + "/" + id + "/answer", "{\"form\":{}}"));
        changing(specs, "POST /v1/applications/{id}/assign",
                (role, id) -> Call.bearer(role, "POST", applications + "/" + id + "/assign", "{}"));
        changing(specs, "POST /v1/applications/{id}/decision", (role, id) -> Call.bearer(role, "POST",
                applications + "/" + id + "/decision", "{\"action\":\"REQUEST_INFO\",\"reason\":\"Which depth?\","
                        + "\"version\":" + version(id) + "}"));

        specs.put("GET /v1/officer/queue", role -> Call.bearer(role, "GET", "/v1/officer/queue", null));

        specs.put("PUT /v1/organizations/{id}",
                role -> Call.bearer(role, "PUT", "/v1/organizations/" + TOWN, organization(TOWN)));
        specs.put("PUT /v1/municipalities/{m}/services/{id}", role -> Call.bearer(role, "PUT", service, offer()));
        specs.put("PUT /v1/municipalities/{m}/zones/{layer}", role -> Call.bearer(role, "PUT",
                municipality + "/zones/heritage", Files.readString(karaf.home()
                        .resolve("etc/raekoda/sample-layers/heritage.geojson"))));
        specs.put("GET /v1/municipalities/{m}/services/{id}/local",
                role -> Call.bearer(role, "GET", service + "/local", null));
        specs.put("PUT /v1/municipalities/{m}/services/{id}/local",
                role -> Call.bearer(role, "PUT", service + "/local", localSettings.toString()));
        specs.put("GET /v1/municipalities/{m}/services/{id}/criteria",
                role -> Call.bearer(role, "GET", criteria(), null));
        specs.put("PUT /v1/municipalities/{m}/services/{id}/criteria",
                role -> Call.bearer(role, "PUT", criteria(), proposal().toString()));
        specs.put("POST /v1/municipalities/{m}/services/{id}/criteria/dry-run",
                role -> Call.bearer(role, "POST", criteria() + "/dry-run", proposal().toString()));
        specs.put("GET /v1/municipalities/{m}/registers/{register}",
                role -> Call.bearer(role, "GET", municipality + "/registers/cemetery", null));
        specs.put("PUT /v1/municipalities/{m}/registers/{register}",
                role -> Call.bearer(role, "PUT", municipality + "/registers/cemetery", "raadi,12,34,free\n",
                        "Content-Type", "text/csv"));

        specs.put("GET /v1/organizations/{organization}/memberships",
                role -> Call.bearer(role, "GET", memberships(TOWN), null));
        specs.put("POST /v1/organizations/{organization}/memberships", role -> Call.bearer(role, "POST",
                memberships(TOWN), membership(extraPerson(), "OFFICER")));
        specs.put("DELETE /v1/organizations/{organization}/memberships/{membershipId}", role -> Call.bearer(role,
                "DELETE", memberships(TOWN) + "/" + expect(201, Role.ADMIN, "POST", memberships(TOWN),
                        membership(extraPerson(), "OFFICER")).path("id").asText(), null));
        specs.put("GET /v1/organizations/{organization}/access-audit",
                role -> Call.bearer(role, "GET", "/v1/organizations/" + TOWN + "/access-audit", null));

        specs.put("GET /v1/registers/representation-rights",
                role -> Call.bearer(role, "GET", "/v1/registers/representation-rights", null));
        specs.put("PUT /v1/registers/representation-rights", role -> Call.bearer(role, "PUT",
                "/v1/registers/representation-rights", representation(), "Content-Type", "text/csv"));

        specs.put("GET /v1/me", role -> Call.bearer(role, "GET", "/v1/me", null));
        specs.put("GET /v1/me/access-audit", role -> Call.bearer(role, "GET", "/v1/me/access-audit", null));
        specs.put("GET /v1/me/mandates", role -> Call.bearer(role, "GET", "/v1/me/mandates", null));
        specs.put("POST /v1/me/mandates",
                role -> Call.bearer(role, "POST", "/v1/me/mandates", mandate(extraPerson(), SERVICE)));
        // A mandate of the caller's own (the rule is about themselves); anonymous callers name the citizen's.
        specs.put("DELETE /v1/me/mandates/{mandateId}", role -> Call.bearer(role, "DELETE", "/v1/me/mandates/"
                + expect(201, role == Role.ANONYMOUS ? Role.CITIZEN : role, "POST", "/v1/me/mandates",
                        mandate(extraPerson(), SERVICE)).path("id").asText(), null));

        specs.put("GET /v1/auth/providers", role -> Call.bearer(role, "GET", "/v1/auth/providers", null));
        specs.put("GET /v1/auth/{provider}/login",
                role -> Call.bearer(role, "GET", "/v1/auth/" + ISSUER_ID + "/login?returnTo=/portal/", null));
        specs.put("GET /v1/auth/callback",
                role -> Call.bearer(role, "GET", "/v1/auth/callback?" + authorized(role), null));
        specs.put("GET /v1/auth/session", role -> {
            String cookie = role == Role.ANONYMOUS ? null : session(role);
            return Call.plain("GET", "/v1/auth/session", cookie == null ? List.of() : List.of("Cookie", cookie));
        });
        specs.put("POST /v1/auth/logout", role -> {
            if (role == Role.ANONYMOUS) {
                return Call.plain("POST", "/v1/auth/logout", List.of());
            }
            String cookie = session(role);
            String csrf = JSON.readTree(send(Call.plain("GET", "/v1/auth/session", List.of("Cookie", cookie)))
                    .body()).path("csrfToken").asText();
            return Call.plain("POST", "/v1/auth/logout", List.of("Cookie", cookie, "X-CSRF-Token", csrf));
        });
        return specs;
    }

    /** A request of one operation as one role sends it. */
    @FunctionalInterface
    interface Spec {
        Call call(Role role) throws Exception;

        default boolean changesApplication() {
            return false;
        }
    }

    /** A request on an application that the call may change. */
    @FunctionalInterface
    interface OnApplication {
        Call call(Role role, String applicationId) throws Exception;
    }

    /** An operation that changes the application it names: each call gets one that no success has changed yet. */
    private void changing(Map<String, Spec> specs, String operation, OnApplication request) {
        specs.put(operation, new Spec() {
            @Override
            public Call call(Role role) throws Exception {
                return request.call(role, freshApplication(operation));
            }

            @Override
            public boolean changesApplication() {
                return true;
            }
        });
    }

    private String freshApplication(String operation) throws Exception {
        String id = fresh.get(operation);
        if (id == null) {
            if (!operation.endsWith("/human-review")) {
                id = submitAsCitizen();
            }
            if (operation.endsWith("/human-review")) {
                // Only a permit the rules issued goes to a person on request: one submitted while the town lets
                // the rules decide excavations, which it stops at once.
                String offer = "/v1/municipalities/" + TOWN + "/services/" + SERVICE;
                expect(200, Role.ADMIN, "PUT", offer, "{\"mode\":\"AUTOMATIC\"}");
                try {
                    // Weeks apart from every other application, or the rules see a clash and ask an officer.
                    ObjectNode body = submission();
                    ObjectNode form = (ObjectNode) body.path("form");
                    form.put("startDate", LocalDate.parse(form.path("startDate").asText())
                            .plusWeeks(8L + 2L * issuedByRules.incrementAndGet()).toString());
                    id = expect(201, Role.CITIZEN, "POST", "/v1/applications", body.toString()).path("id").asText();
                } finally {
                    expect(200, Role.ADMIN, "PUT", offer, offer());
                }
                JsonNode issued = expect(200, Role.CITIZEN, "GET", "/v1/applications/" + id, null);
                assertEquals("ISSUED", issued.path("state").asText(), "issued by the rules: " + issued);
            }
            if (operation.endsWith("/answer")) {
                // Only an application the officer asked about takes an answer.
                expect(200, Role.OFFICER, "POST", "/v1/applications/" + id + "/decision",
                        "{\"action\":\"REQUEST_INFO\",\"reason\":\"Which depth?\",\"version\":" + version(id) + "}");
            }
            fresh.put(operation, id);
        }
        return id;
    }

    /** One HTTP request: whose bearer token it carries (none: null), method, path below /api, body, headers. */
    record Call(Role bearer, String method, String path, String body, List<String> headers) {

        static Call bearer(Role role, String method, String path, String body, String... headers) {
            return new Call(role, method, path, body, List.of(headers));
        }

        static Call plain(String method, String path, List<String> headers) {
            return new Call(null, method, path, null, headers);
        }
    }

    private HttpResponse<String> send(Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.uri("/api" + call.path()))
                .timeout(Duration.ofSeconds(20))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        boolean typed = false;
        for (int i = 0; i + 1 < call.headers().size(); i += 2) {
            request.header(call.headers().get(i), call.headers().get(i + 1));
            typed |= call.headers().get(i).equalsIgnoreCase("Content-Type");
        }
        if (call.body() != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        if (call.bearer() != null && tokens.containsKey(call.bearer())) {
            request.header("Authorization", "Bearer " + tokens.get(call.bearer()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode expect(int status, Role role, String method, String path, String body, String... headers)
            throws Exception {
        HttpResponse<String> response = send(Call.bearer(role, method, path, body, headers));
        assertEquals(status, response.statusCode(), role + " " + method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private String submitAsCitizen() throws Exception {
        return expect(201, Role.CITIZEN, "POST", "/v1/applications", submission().toString()).path("id").asText();
    }

    private long version(String applicationId) throws Exception {
        return expect(200, Role.CITIZEN, "GET", "/v1/applications/" + applicationId, null).path("version").asLong();
    }

    /** A browser login of the role's person: the node's login, the provider's authorize; the callback's query. */
    private String authorized(Role role) throws Exception {
        HttpResponse<String> login = send(Call.plain("GET", "/v1/auth/" + ISSUER_ID + "/login?returnTo=/portal/", List.of()));
        assertEquals(302, login.statusCode(), login.body());
        String person = PERSONS.getOrDefault(role, PERSONS.get(Role.CITIZEN));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "EE" + person,
                JOSEObjectType.JWT.getType(), List.of(CLIENT), Map.of("name", role.name()), 3600));
        HttpResponse<String> code = http.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("Location")
                .orElseThrow())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, code.statusCode(), code.body());
        return URI.create(code.headers().firstValue("Location").orElseThrow()).getRawQuery();
    }

    /** The session cookie of a browser login of the role's person. */
    private String session(Role role) throws Exception {
        HttpResponse<String> landed = send(Call.plain("GET", "/v1/auth/callback?" + authorized(role), List.of()));
        assertEquals(303, landed.statusCode(), landed.body());
        String setCookie = landed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("raekoda_session=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private ObjectNode submission() throws IOException {
        JsonNode example = PermitServicesIT.example(SERVICE, "issued");
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", TOWN);
        body.put("service", SERVICE);
        body.set("form", example.path("form"));
        if (example.has("location") && !example.path("location").isNull()) {
            body.set("location", example.path("location"));
        }
        return body;
    }

    private ObjectNode proposal() {
        ObjectNode proposal = JSON.createObjectNode();
        proposal.put("mode", "SUGGEST");
        proposal.set("criteria", ruleSet.path("criteria"));
        return proposal;
    }

    private static String criteria() {
        return "/v1/municipalities/" + TOWN + "/services/" + SERVICE + "/criteria";
    }

    private static String memberships(String organization) {
        return "/v1/organizations/" + organization + "/memberships";
    }

    private static String organization(String id) {
        return "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"" + id + "\"}}";
    }

    private static String offer() {
        return "{\"mode\":\"SUGGEST\"}";
    }

    private static String membership(String code, String role) {
        return "{\"person\":{\"country\":\"EE\",\"code\":\"" + code + "\"},\"name\":\"Staff\",\"roles\":[\"" + role
                + "\"]}";
    }

    private static String mandate(String grantee, String service) {
        return "{\"grantee\":{\"country\":\"EE\",\"code\":\"" + grantee + "\"},\"name\":\"Helper\",\"services\":[\""
                + service + "\"],\"validUntil\":\"" + LocalDate.now().plusDays(30) + "\"}";
    }

    private static String representation() {
        return "EE," + PERSONS.get(Role.REPRESENTATIVE) + ",EE," + COMPANY + ",Puit OÜ\n";
    }

    /** A person none of the roles is, with a valid Estonian code: grantees and new staff of single calls. */
    private String extraPerson() {
        return estonianCode(String.format("399120%04d", extraPersons.incrementAndGet()));
    }

    /** The ten digits and the check digit of Estonia's personal codes (first weights, then second weights). */
    static String estonianCode(String tenDigits) {
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 1};
        int[] second = {3, 4, 5, 6, 7, 8, 9, 1, 2, 3};
        int check = weighted(tenDigits, first);
        if (check == 10) {
            check = weighted(tenDigits, second) % 10;
        }
        return tenDigits + check;
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    private void write(Map<String, Map<Role, Integer>> matrix, List<String> mismatches, Duration took)
            throws IOException {
        StringBuilder md = new StringBuilder("# Access matrix\n\nEvery operation of `/api/openapi.json` called by every"
                + " role (AccessMatrixIT, " + took.toSeconds() + " s of requests). A cell is the HTTP status;"
                + " `!` marks an answer the operation's rule does not allow. For"
                + " operations on one application, every role that may not know it exists also sent the same request"
                + " about an application that does not exist (" + leakChecks + " requests): the answers must be the"
                + " same. `GET /v1/auth/session` and `POST /v1/auth/logout` are sent with a session cookie of a code-flow"
                + " login of the role's person (and its CSRF token), not with the bearer token.\n\n| operation | rule |");
        for (Role role : Role.values()) {
            md.append(' ').append(role.name()).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
        matrix.forEach((operation, statuses) -> {
            md.append("| `").append(operation).append("` | `").append(rules.get(operation)).append("` |");
            for (Role role : Role.values()) {
                int status = statuses.get(role);
                boolean ok = expected(operation, rules.get(operation), role) == Outcome.of(status);
                md.append(' ').append(status).append(ok ? "" : " !").append(" |");
            }
            md.append('\n');
        });
        md.append("\n## Mismatches: ").append(mismatches.size()).append("\n\n");
        mismatches.forEach(m -> md.append("- ").append(m.replace("|", "\\|")).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "access-matrix.md"), md.toString());
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private int status(String path) {
        try {
            return karaf.get(path).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
