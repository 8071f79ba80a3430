package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document the node serves ({@code /api/openapi.json}) against the API that runs: every operation
 * of the document is called over HTTP with valid requests and with refused ones (no identity, the wrong role,
 * an unknown id, a bad body, the wrong state, a reused Idempotency-Key), the five permits' examples walk
 * through submission, and Atlassian's swagger-request-validator checks each valid request and every answer
 * against the document. Zero violations, and every operation of the document called: a broken endpoint, an
 * undeclared status or field, or a new operation without a call here fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractIT {

    private static final List<String> SERVICES = PermitServicesIT.SERVICES;
    private static final List<String> LAYERS = PermitServicesIT.LAYERS;
    private static final List<String> EXAMPLES = List.of("issued", "review", "invalid", "clash");
    private static final String TOWN = "contract-town";
    private static final String CALLER = "X-Raekoda-Dev-Caller";
    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";
    private static final String ADMIN = "subject=admin; roles=ADMIN; organization=" + TOWN;
    private static final String OTHER_ADMIN = "subject=admin; roles=ADMIN; organization=elsewhere";
    private static final String OFFICER = "subject=officer; roles=OFFICER; organization=" + TOWN;
    private static final String RESIDENT = "subject=resident; roles=APPLICANT";
    private static final String STRANGER = "subject=stranger; roles=APPLICANT";
    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningDistribution karaf;
    /** A real OpenID Connect provider on loopback, configured in the node as provider "contract". */
    private MockOAuth2Server oidc;
    /** The last answer accept() took, for its headers. */
    private HttpResponse<String> lastAccepted;
    private OpenApiInteractionValidator validator;
    /** "METHOD /path/{template}" of every operation in the document, with a pattern for concrete paths. */
    private final Map<String, Pattern> operations = new TreeMap<>();
    private final Map<String, AtomicInteger> accepted = new TreeMap<>();
    private final Map<String, AtomicInteger> refused = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, JsonNode> submitted = new TreeMap<>();

    @BeforeAll
    void start() throws Exception {
        List<String> features = new ArrayList<>(SERVICES.stream().map(s -> "raekoda-permit-" + s).toList());
        features.add("raekoda-integration-local-cemetery");
        // The development profile, on the embedded database: callers name themselves in X-Raekoda-Dev-Caller.
        karaf = RunningDistribution.fresh("contract", Map.of("RAEKODA_PROFILE", "development"));
        karaf.bootFeatures(features);
        oidc = new MockOAuth2Server();
        oidc.start();
        karaf.trustIdentityProvider("contract", oidc.issuerUrl("contract").toString(), "raekoda");
        karaf.start();
        // Five e-services and an integration installed at boot take their time on a busy two-core machine.
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(250))
                .until(() -> karaf.health() != null && karaf.health().status() == 200 && SERVICES.stream()
                        .allMatch(s -> status("/api/v1/services/" + s) == 200));
        HttpResponse<String> document = karaf.get("/api/openapi.json");
        assertEquals(200, document.statusCode());
        // Kept for client generators and reviewers: the document exactly as the node served it.
        Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document.body());
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
        JSON.readTree(document.body()).path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(),
                        Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")))));
        assertTrue(operations.size() > 20, "the document lists the API's operations: " + operations.keySet());
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (oidc != null) {
            oidc.shutdown();
        }
    }

    @Test
    @Order(1)
    void platformAndCatalogue() throws Exception {
        accept(200, "GET", "/v1/health", null, null);
        accept(200, "GET", "/v1/services", null, null);
        for (String service : SERVICES) {
            accept(200, "GET", "/v1/services/" + service, null, null);
        }
        refuse(404, "GET", "/v1/services/no-such-service", null, null);
        refuse(404, "GET", "/v1/services?municipality=no-such-town", null, null);
        assertNoViolations();
    }

    @Test
    @Order(2)
    void administration() throws Exception {
        String organization = "/v1/organizations/" + TOWN;
        refuseOffTheDocument(401, "PUT", organization, "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Contract\"}}",
                null);
        refuse(403, "PUT", organization, "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Contract\"}}", RESIDENT);
        refuseOffTheDocument(400, "PUT", organization, "{\"kind\":\"VILLAGE\",\"name\":{\"en\":\"Contract\"}}", ROOT);
        refuseOffTheDocument(400, "PUT", organization, "{\"kind\":\"MUNICIPALITY\"}", ROOT);
        refuseOffTheDocument(400, "PUT", organization, "{\"kind\":", ROOT);
        accept(200, "PUT", organization, "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Contract\",\"et\":\"Leping\"}}",
                ROOT);
        accept(200, "GET", "/v1/services?municipality=" + TOWN, null, null);

        String offer = "/v1/municipalities/" + TOWN + "/services/";
        refuseOffTheDocument(401, "PUT", offer + "excavation", "{\"mode\":\"AUTOMATIC\"}", null);
        refuse(403, "PUT", offer + "excavation", "{\"mode\":\"AUTOMATIC\"}", OTHER_ADMIN);
        refuseOffTheDocument(400, "PUT", offer + "excavation", "{\"mode\":\"SOMETIMES\"}", ADMIN);
        refuse(404, "PUT", offer + "no-such-service", "{\"mode\":\"AUTOMATIC\"}", ADMIN);
        for (String service : SERVICES) {
            accept(200, "PUT", offer + service, "{\"mode\":\"AUTOMATIC\"}", ADMIN);
        }

        String zones = "/v1/municipalities/" + TOWN + "/zones";
        String heritage = Files.readString(karaf.home().resolve("etc/raekoda/sample-layers/heritage.geojson"));
        refuseOffTheDocument(401, "PUT", zones + "/heritage", heritage, null);
        refuse(403, "PUT", zones + "/heritage", heritage, OTHER_ADMIN);
        refuseOffTheDocument(400, "PUT", zones + "/heritage",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\"}]}", ADMIN);
        for (String layer : LAYERS) {
            accept(200, "PUT", zones + "/" + layer,
                    Files.readString(karaf.home().resolve("etc/raekoda/sample-layers/" + layer + ".geojson")), ADMIN);
        }
        accept(200, "GET", zones, null, null);
        // one layer, public: the map page's base when no tile server answers
        assertEquals("FeatureCollection", accept(200, "GET", zones + "/" + LAYERS.get(0), null, null).path("type").asText());
        refuse(404, "GET", zones + "/no-such-layer", null, null);
        // The town's cemetery register, in the database: its plots count at once, on every node.
        String register = "/v1/municipalities/" + TOWN + "/registers/cemetery";
        String plots = "raadi,12,34,free\nraadi,7,102,free\nraadi,12,35,occupied\n";
        refuseOffTheDocument(401, "PUT", register, plots, null, "Content-Type", "text/csv");
        refuse(403, "PUT", register, plots, OTHER_ADMIN, "Content-Type", "text/csv");
        refuse(400, "PUT", register, "raadi,12,34,free\nraadi,,35\n", ADMIN, "Content-Type", "text/csv");
        accept(200, "PUT", register, plots, ADMIN, "Content-Type", "text/csv");
        assertEquals(3, accept(200, "GET", register, null, ADMIN).path("rows").asInt());
        refuse(403, "GET", register, null, OTHER_ADMIN);

        String local = offer + "transport/local";
        accept(200, "GET", local, null, ADMIN);
        refuseOffTheDocument(401, "GET", local, null, null);
        refuse(403, "GET", local, null, OTHER_ADMIN);
        accept(200, "PUT", local, "{\"deadlines\":{},\"title\":{\"en\":\"Heavy transport in Contract\"}}", ADMIN);
        refuseOffTheDocument(400, "PUT", local, "{\"colour\":\"red\"}", ADMIN);
        refuseOffTheDocument(401, "PUT", local, "{}", null);
        refuse(403, "PUT", local, "{}", OTHER_ADMIN);

        String criteria = offer + "transport/criteria";
        JsonNode ruleSet = accept(200, "GET", criteria, null, ADMIN);
        refuseOffTheDocument(401, "GET", criteria, null, null);
        refuse(403, "GET", criteria, null, OTHER_ADMIN);
        refuse(404, "GET", offer + "no-such-service/criteria", null, ADMIN);
        ObjectNode proposal = JSON.createObjectNode();
        proposal.put("mode", "AUTOMATIC");
        proposal.set("criteria", ruleSet.path("criteria"));
        accept(200, "POST", criteria + "/dry-run", proposal.toString(), ADMIN);
        accept(200, "PUT", criteria, proposal.toString(), ADMIN);
        refuseOffTheDocument(400, "PUT", criteria, "{\"mode\":\"AUTOMATIC\",\"criteria\":[{\"id\":\"no-test\"}]}",
                ADMIN);
        refuseOffTheDocument(400, "POST", criteria + "/dry-run", "{\"criteria\":[{\"id\":\"no-test\"}]}", ADMIN);
        refuseOffTheDocument(401, "POST", criteria + "/dry-run", proposal.toString(), null);
        refuse(403, "PUT", criteria, proposal.toString(), OTHER_ADMIN);
        assertNoViolations();
    }

    /** Every example of the five permits, in the town set up above: submitted as a resident would. */
    @Test
    @Order(3)
    void theFivePermitsExamplesThroughSubmission() throws Exception {
        for (String service : SERVICES) {
            for (String name : EXAMPLES) {
                JsonNode example = PermitServicesIT.example(service, name);
                if (example == null) {
                    continue;
                }
                String body = submission(service, example).toString();
                if (example.path("expect").asText().equals("INVALID")) {
                    refuse(400, "POST", "/v1/applications", body, RESIDENT);
                } else {
                    submitted.put(service + "/" + name, accept(201, "POST", "/v1/applications", body, RESIDENT));
                }
            }
        }
        assertNoViolations();
    }

    @Test
    @Order(4)
    void submissionRefusals() throws Exception {
        String body = submission("tree-felling", PermitServicesIT.example("tree-felling", "review")).toString();
        refuseOffTheDocument(401, "POST", "/v1/applications", body, null);
        refuse(400, "POST", "/v1/applications", null, RESIDENT);
        refuseOffTheDocument(400, "POST", "/v1/applications", "{\"organization\":", RESIDENT);
        refuseOffTheDocument(400, "POST", "/v1/applications", body.replace("\"form\"", "\"from\""), RESIDENT);
        refuse(404, "POST", "/v1/applications", body.replace(TOWN, "no-such-town"), RESIDENT);
        String key = UUID.randomUUID().toString();
        JsonNode first = accept(201, "POST", "/v1/applications", body, RESIDENT, "Idempotency-Key", key);
        JsonNode again = accept(201, "POST", "/v1/applications", body, RESIDENT, "Idempotency-Key", key);
        assertEquals(first.path("id"), again.path("id"), "the same key gives back the same application");
        assertNoViolations();
    }

    @Test
    @Order(5)
    void aReusedIdempotencyKeyWithAnotherBodyIsRefusedAsDocumented() throws Exception {
        String key = UUID.randomUUID().toString();
        accept(201, "POST", "/v1/applications",
                submission("tree-felling", PermitServicesIT.example("tree-felling", "review")).toString(), RESIDENT,
                "Idempotency-Key", key);
        String other = submission("transport", PermitServicesIT.example("transport", "issued")).toString();
        refuse(422, "POST", "/v1/applications", other, RESIDENT, "Idempotency-Key", key);
        assertNoViolations();
    }

    @Test
    @Order(5)
    void anOversizedBodyIsRefusedAsDocumented() throws Exception {
        // Larger than any body the node takes (1 MiB): refused before it is read, whatever it holds.
        String huge = "{\"organization\":\"" + TOWN + "\",\"service\":\"excavation\",\"form\":{\"address\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}}";
        refuse(413, "POST", "/v1/applications", huge, RESIDENT);
        assertNoViolations();
    }

    @Test
    @Order(6)
    void applicantsAndOfficersOverAnApplicationsLife() throws Exception {
        String review = id("tree-felling/review");
        String issued = id("advertising/issued");
        String withdrawn = id("transport/review");
        String app = "/v1/applications/";

        accept(200, "GET", "/v1/applications", null, RESIDENT);
        refuseOffTheDocument(401, "GET", "/v1/applications", null, null);
        accept(200, "GET", app + review, null, RESIDENT);
        accept(200, "GET", app + review, null, OFFICER);
        refuse(404, "GET", app + review, null, STRANGER);
        refuse(404, "GET", app + UNKNOWN_ID, null, RESIDENT);
        refuseOffTheDocument(401, "GET", app + review, null, null);

        accept(200, "GET", "/v1/officer/queue", null, OFFICER);
        accept(200, "GET", "/v1/officer/queue?service=tree-felling", null, OFFICER);
        refuseOffTheDocument(401, "GET", "/v1/officer/queue", null, null);
        refuse(403, "GET", "/v1/officer/queue", null, RESIDENT);

        accept(200, "POST", app + review + "/assign", "{}", OFFICER);
        refuse(403, "POST", app + review + "/assign", "{}", RESIDENT);
        refuse(404, "POST", app + UNKNOWN_ID + "/assign", "{}", OFFICER);
        refuseOffTheDocument(400, "POST", app + review + "/assign", "{\"assignee\":7,\"to\":1}", OFFICER);
        refuseOffTheDocument(401, "POST", app + review + "/assign", "{}", null);

        accept(200, "GET", app + review + "/conflicts", null, OFFICER);
        refuse(403, "GET", app + review + "/conflicts", null, RESIDENT);
        refuse(404, "GET", app + UNKNOWN_ID + "/conflicts", null, OFFICER);
        refuseOffTheDocument(401, "GET", app + review + "/conflicts", null, null);

        long version = accept(200, "GET", app + review, null, OFFICER).path("version").asLong();
        refuseOffTheDocument(400, "POST", app + review + "/decision",
                "{\"action\":\"REQUEST_INFO\",\"reason\":\"Which tree?\"}", OFFICER);
        refuse(409, "POST", app + review + "/decision",
                "{\"action\":\"REQUEST_INFO\",\"reason\":\"Which tree?\",\"version\":" + (version + 5) + "}", OFFICER);
        refuse(403, "POST", app + review + "/decision",
                "{\"action\":\"ISSUE\",\"reason\":\"mine\",\"version\":" + version + "}", RESIDENT);
        refuseOffTheDocument(401, "POST", app + review + "/decision", "{\"action\":\"ISSUE\",\"version\":1}", null);
        refuse(404, "POST", app + UNKNOWN_ID + "/decision", "{\"action\":\"ISSUE\",\"version\":1}", OFFICER);
        JsonNode asked = accept(200, "POST", app + review + "/decision",
                "{\"action\":\"REQUEST_INFO\",\"reason\":\"Which tree?\",\"version\":" + version + "}", OFFICER);
        assertEquals("MORE_INFO_REQUESTED", asked.path("state").asText());

        refuseOffTheDocument(400, "POST", app + review + "/answer", "{\"from\":{}}", RESIDENT);
        refuse(404, "POST", app + review + "/answer", "{\"form\":{}}", STRANGER);
        refuseOffTheDocument(401, "POST", app + review + "/answer", "{\"form\":{}}", null);
        JsonNode answered = accept(200, "POST", app + review + "/answer", "{\"form\":{}}", RESIDENT);
        assertEquals("IN_REVIEW", answered.path("state").asText());
        JsonNode notAsked = refuse(409, "POST", app + review + "/answer", "{\"form\":{}}", RESIDENT);
        assertTrue(notAsked.has("allowedStates"), notAsked.toString());
        accept(200, "POST", app + review + "/decision", "{\"action\":\"ISSUE\",\"reason\":\"Fine\",\"version\":"
                + answered.path("version").asLong() + "}", OFFICER);

        accept(200, "POST", app + withdrawn + "/withdraw", null, RESIDENT);
        refuse(409, "POST", app + withdrawn + "/withdraw", null, RESIDENT);
        refuse(404, "POST", app + UNKNOWN_ID + "/withdraw", null, RESIDENT);
        refuseOffTheDocument(401, "POST", app + withdrawn + "/withdraw", null, null);
        refuse(409, "POST", app + withdrawn + "/decision", "{\"action\":\"ISSUE\",\"reason\":\"late\",\"version\":"
                + accept(200, "GET", app + withdrawn, null, OFFICER).path("version").asLong() + "}", OFFICER);

        refuseOffTheDocument(400, "POST", app + issued + "/human-review", "{\"why\":\"\"}", RESIDENT);
        refuse(404, "POST", app + issued + "/human-review", "{}", STRANGER);
        refuseOffTheDocument(401, "POST", app + issued + "/human-review", "{}", null);
        refuse(409, "POST", app + withdrawn + "/human-review", "{\"reason\":\"please\"}", RESIDENT);
        JsonNode reviewed = accept(200, "POST", app + issued + "/human-review", "{\"reason\":\"Please look\"}",
                RESIDENT);
        accept(200, "POST", app + issued + "/decision", "{\"action\":\"CONFIRM\",\"reason\":\"It stands\",\"version\":"
                + reviewed.path("version").asLong() + "}", OFFICER);

        accept(200, "GET", app + review + "/audit", null, OFFICER);
        refuse(403, "GET", app + review + "/audit", null, RESIDENT);
        refuse(404, "GET", app + UNKNOWN_ID + "/audit", null, OFFICER);
        refuseOffTheDocument(401, "GET", app + review + "/audit", null, null);
        assertNoViolations();
    }

    /**
     * Persons, roles and acting for others: the organization's memberships and access audit, /v1/me and mandates,
     * the local representation rights, and submissions for a company, a mandator and a service centre's visitor.
     * Development callers name the person they are with {@code person=CC<code>}.
     */
    @Test
    @Order(7)
    void membershipsMandatesAndActingForOthers() throws Exception {
        String rights = "/v1/registers/representation-rights";
        String csv = "EE,38001085718,EE,12345678,Puit OÜ\n";
        refuseOffTheDocument(401, "PUT", rights, csv, null, "Content-Type", "text/csv");
        refuse(403, "PUT", rights, csv, ADMIN, "Content-Type", "text/csv");
        refuse(400, "PUT", rights, "EE,38001085718\n", ROOT, "Content-Type", "text/csv");
        assertEquals(1, accept(200, "PUT", rights, csv, ROOT, "Content-Type", "text/csv").path("rights").asInt());
        assertEquals(1, accept(200, "GET", rights, null, ROOT).path("rights").asInt());
        refuse(403, "GET", rights, null, ADMIN);

        String memberships = "/v1/organizations/" + TOWN + "/memberships";
        String olev = "{\"person\":{\"country\":\"EE\",\"code\":\"38002020016\"},\"name\":\"Olev\","
                + "\"roles\":[\"OFFICER\"]}";
        refuseOffTheDocument(401, "POST", memberships, olev, null);
        refuse(403, "POST", memberships, olev, OTHER_ADMIN);
        refuseOffTheDocument(400, "POST", memberships, "{\"roles\":[\"OFFICER\"]}", ADMIN);
        refuse(400, "POST", memberships, olev.replace("OFFICER", "PLATFORM_ADMIN"), ADMIN);
        JsonNode granted = accept(201, "POST", memberships, olev, ADMIN);
        assertEquals(List.of("OFFICER"), List.of(granted.path("roles").get(0).asText()));
        assertTrue(!granted.toString().contains("38002020016"), "a membership names the person by id only");
        accept(200, "GET", memberships, null, ADMIN);
        refuse(403, "GET", memberships, null, OTHER_ADMIN);
        refuseOffTheDocument(401, "GET", memberships, null, null);
        refuse(404, "DELETE", memberships + "/" + UNKNOWN_ID, null, ADMIN);
        refuse(403, "DELETE", memberships + "/" + granted.path("id").asText(), null, OTHER_ADMIN);
        JsonNode revoked = accept(200, "DELETE", memberships + "/" + granted.path("id").asText(), null, ADMIN);
        assertTrue(revoked.has("revokedAt"), revoked.toString());

        String mari = "subject=mari; roles=APPLICANT; person=EE38001085718";
        String son = "subject=son; roles=APPLICANT; person=EE50001010006";
        String counter = "subject=counter; roles=SERVICE_CENTRE; organization=" + TOWN;
        JsonNode me = accept(200, "GET", "/v1/me", null, mari);
        assertEquals("38001085718", me.path("code").asText(), "the caller sees their own code");
        assertEquals("12345678", me.path("companies").get(0).path("code").asText());
        refuseOffTheDocument(401, "GET", "/v1/me", null, null);

        String mandates = "/v1/me/mandates";
        String toSon = "{\"grantee\":{\"country\":\"EE\",\"code\":\"50001010006\"},\"name\":\"Son\","
                + "\"services\":[\"tree-felling\"],\"validUntil\":\"" + java.time.LocalDate.now().plusDays(30) + "\"}";
        refuseOffTheDocument(401, "POST", mandates, toSon, null);
        // Any person may give a mandate (an officer too, for themselves); a grantee without a code is no one.
        refuse(400, "POST", mandates, toSon.replace("\"code\":\"50001010006\"", "\"code\":\"\""), mari);
        refuse(400, "POST", mandates, toSon.replace(java.time.LocalDate.now().plusDays(30).toString(), "2001-01-01"),
                mari);
        JsonNode mandate = accept(201, "POST", mandates, toSon, mari);
        JsonNode held = accept(200, "GET", mandates, null, son);
        assertEquals(mandate.path("id"), held.path("received").get(0).path("id"));
        refuseOffTheDocument(401, "GET", mandates, null, null);

        ObjectNode forMari = submission("tree-felling", PermitServicesIT.example("tree-felling", "review"));
        forMari.set("onBehalfOf", JSON.readTree("{\"kind\":\"PERSON\",\"country\":\"EE\",\"code\":\"38001085718\"}"));
        refuse(403, "POST", "/v1/applications", forMari.toString(), STRANGER);
        JsonNode made = accept(201, "POST", "/v1/applications", forMari.toString(), son);
        assertEquals("son", made.path("submittedBy").asText());
        assertTrue(accept(200, "GET", "/v1/applications", null, mari).toString().contains(made.path("id").asText()),
                "the mandator's applications include it");
        JsonNode officerView = accept(200, "GET", "/v1/applications/" + made.path("id").asText(), null, OFFICER);
        assertEquals("EE38001085718", officerView.path("applicantCode").asText(), "officers of the town see the code");
        assertTrue(!accept(200, "GET", "/v1/applications/" + made.path("id").asText(), null, son).has("applicantCode"));
        assertTrue(accept(200, "GET", "/v1/organizations/" + TOWN + "/access-audit", null, ADMIN).toString()
                .contains("\"read\""), "the officer's read is in the access audit");
        refuse(403, "GET", "/v1/organizations/" + TOWN + "/access-audit", null, OTHER_ADMIN);
        refuseOffTheDocument(401, "GET", "/v1/organizations/" + TOWN + "/access-audit", null, null);

        ObjectNode forCompany = submission("tree-felling", PermitServicesIT.example("tree-felling", "review"));
        forCompany.set("onBehalfOf", JSON.readTree("{\"kind\":\"COMPANY\",\"country\":\"EE\",\"code\":\"12345678\"}"));
        assertEquals("company:EE:12345678", accept(201, "POST", "/v1/applications", forCompany.toString(), mari)
                .path("applicant").asText());
        refuse(403, "POST", "/v1/applications", forCompany.toString(), son);
        ObjectNode forVisitor = submission("tree-felling", PermitServicesIT.example("tree-felling", "review"));
        forVisitor.set("onBehalfOf", JSON.readTree("{\"kind\":\"PERSON\",\"country\":\"EE\",\"code\":\"61001010000\"}"));
        assertEquals("counter", accept(201, "POST", "/v1/applications", forVisitor.toString(), counter)
                .path("submittedBy").asText());

        refuse(404, "DELETE", mandates + "/" + mandate.path("id").asText(), null, son);
        refuseOffTheDocument(401, "DELETE", mandates + "/" + mandate.path("id").asText(), null, null);
        accept(200, "DELETE", mandates + "/" + mandate.path("id").asText(), null, mari);
        refuse(403, "POST", "/v1/applications", forMari.toString(), son);
        String audit = accept(200, "GET", "/v1/me/access-audit", null, mari).toString();
        for (String action : List.of("mandate-granted", "mandate-used", "mandate-revoked")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
        refuseOffTheDocument(401, "GET", "/v1/me/access-audit", null, null);
        assertNoViolations();
    }

    /** The login of the pages through a real OpenID Connect provider, and the session cookie it gives. */
    @Test
    @Order(8)
    void loginSessionAndLogout() throws Exception {
        JsonNode providers = accept(200, "GET", "/v1/auth/providers", null, null);
        assertEquals("contract", providers.path("providers").path(0).asText(), providers.toString());
        refuse(404, "GET", "/v1/auth/nobody/login?returnTo=/", null, null);
        refuse(400, "GET", "/v1/auth/contract/login?returnTo=//evil.example/", null, null);

        accept(302, "GET", "/v1/auth/contract/login?returnTo=/applications", null, null);
        URI authorize = URI.create(lastAccepted.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(oidc.issuerUrl("contract").toString()), authorize.toString());
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("contract", "EE38001085718", "JWT", null,
                Map.of("name", "Mari Maasikas")));
        HttpResponse<String> atProvider = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(authorize).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, atProvider.statusCode(), atProvider.body());
        String back = URI.create(atProvider.headers().firstValue("Location").orElseThrow()).getRawQuery();

        refuse(401, "GET", "/v1/auth/callback?state=made-up&code=made-up", null, null);
        accept(303, "GET", "/v1/auth/callback?" + back, null, null);
        String setCookie = lastAccepted.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.matches("raekoda_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Lax"),
                setCookie);
        assertTrue(lastAccepted.headers().firstValue("Location").orElseThrow().endsWith("/applications"));
        refuse(401, "GET", "/v1/auth/callback?" + back, null, null);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        JsonNode session = accept(200, "GET", "/v1/auth/session", null, null, "Cookie", cookie);
        assertEquals("EE", session.path("country").asText());
        assertEquals("Mari Maasikas", session.path("name").asText());
        assertTrue(!session.toString().contains("38001085718"), "the session view never shows the code");
        refuse(401, "GET", "/v1/auth/session", null, null);

        // A change made with the session needs its CSRF token: logout too.
        refuse(403, "POST", "/v1/auth/logout", null, null, "Cookie", cookie);
        JsonNode logout = accept(200, "POST", "/v1/auth/logout", null, null, "Cookie", cookie,
                "X-CSRF-Token", session.path("csrfToken").asText());
        assertTrue(logout.path("endSessionUrl").asText().startsWith(oidc.issuerUrl("contract").toString()),
                logout.toString());
        refuse(401, "POST", "/v1/auth/logout", null, null, "Cookie", cookie);
        refuse(401, "GET", "/v1/auth/session", null, null, "Cookie", cookie);
        assertNoViolations();
    }

    /** The check above can fail: what the document does not say is a violation. */
    @Test
    @Order(99)
    void theValidatorFindsAnswersTheDocumentDoesNotDescribe() {
        Request.Method get = Request.Method.GET;
        String service = "/api/v1/services/excavation";
        List<String> keys = new ArrayList<>();
        for (SimpleResponse wrong : List.of(
                SimpleResponse.Builder.status(418).withContentType("application/problem+json")
                        .withBody("{\"type\":\"about:blank\",\"title\":\"Teapot\",\"status\":418}").build(),
                SimpleResponse.Builder.status(404).withContentType("application/problem+json")
                        .withBody("{\"status\":404,\"errors\":[{\"where\":\"/x\"}]}").build(),
                SimpleResponse.Builder.status(200).withContentType("application/json")
                        .withBody("{\"id\":\"excavation\",\"geometry\":\"Circle\",\"colour\":\"red\"}").build())) {
            ValidationReport report = validator.validateResponse(service, get, wrong);
            assertTrue(report.hasErrors(), "no violation found in " + wrong.getBody().orElse(""));
            report.getMessages().forEach(message -> keys.add(message.getKey()));
        }
        assertTrue(keys.contains("validation.response.status.unknown"), keys.toString());
    }

    /** A new operation without a call in this test fails here: the contract covers the whole document. */
    @Test
    @Order(100)
    void everyOperationOfTheDocumentWasCalledAcceptedAndRefused() {
        List<String> neverAccepted = new ArrayList<>();
        List<String> neverRefused = new ArrayList<>();
        for (String operation : operations.keySet()) {
            if (!accepted.containsKey(operation)) {
                neverAccepted.add(operation);
            }
            if (!refused.containsKey(operation) && !PUBLIC_WITHOUT_REFUSALS.contains(operation)) {
                neverRefused.add(operation);
            }
        }
        assertEquals(List.of(), neverAccepted, "operations never called with a valid request");
        assertEquals(List.of(), neverRefused, "operations never called with a request they refuse");
    }

    /** Public reads that have no request to refuse: they take no identity, no body and no id. */
    private static final java.util.Set<String> PUBLIC_WITHOUT_REFUSALS = java.util.Set.of("GET /v1/health",
            "GET /v1/municipalities/{m}/zones", "GET /v1/auth/providers");

    /** A request that fits the document and succeeds: the request and the answer are both checked. */
    private JsonNode accept(int status, String method, String path, String body, String caller, String... headers)
            throws Exception {
        Exchange exchange = call(method, path, body, caller, true, headers);
        HttpResponse<String> response = exchange.response();
        lastAccepted = response;
        violations.addAll(exchange.requestViolations());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** A request the document allows but the node refuses (the wrong role, id or state): its answer is checked. */
    private JsonNode refuse(int status, String method, String path, String body, String caller, String... headers)
            throws Exception {
        return refused(status, call(method, path, body, caller, false, headers), method + " " + path);
    }

    /**
     * A request the document itself rules out (no identity, a body of the wrong shape): the validator must say
     * so, and the node must refuse it with an answer the document describes.
     */
    private JsonNode refuseOffTheDocument(int status, String method, String path, String body, String caller,
            String... headers) throws Exception {
        Exchange exchange = call(method, path, body, caller, false, headers);
        assertTrue(!exchange.requestViolations().isEmpty(), method + " " + path + " " + body
                + " fits the document, which should rule it out");
        return refused(status, exchange, method + " " + path);
    }

    private static JsonNode refused(int status, Exchange exchange, String call) throws IOException {
        HttpResponse<String> response = exchange.response();
        assertEquals(status, response.statusCode(), call + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), call);
        return JSON.readTree(response.body());
    }

    /** An HTTP exchange, and what the validator found wrong with its request. */
    private record Exchange(HttpResponse<String> response, List<String> requestViolations) {
    }

    private Exchange call(String method, String path, String body, String caller, boolean valid,
            String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        if (caller != null) {
            all.add(CALLER);
            all.add(caller);
        }
        String[] sent = all.toArray(String[]::new);
        HttpResponse<String> response = method.equals("GET") ? karaf.get("/api" + path, sent)
                : karaf.send(method, "/api" + path, body, sent);
        URI uri = URI.create("/api" + path);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getPath());
        if (uri.getQuery() != null) {
            for (String parameter : uri.getQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                request.withQueryParam(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        for (int i = 0; i < sent.length; i += 2) {
            request.withHeader(sent[i], sent[i + 1]);
        }
        if (body != null) {
            String contentType = "application/json";
            for (int i = 0; i < sent.length; i += 2) {
                contentType = sent[i].equalsIgnoreCase("Content-Type") ? sent[i + 1] : contentType;
            }
            request.withContentType(contentType).withBody(body);
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode())
                .withBody(response.body());
        response.headers().map().forEach(answer::withHeader);
        String operation = operation(method, path);
        String call = method + " " + path + " -> " + response.statusCode();
        List<String> requestViolations = errors(call + " (request)", validator.validateRequest(request.build()));
        violations.addAll(errors(call + " (response)", validator.validateResponse(uri.getPath(),
                Request.Method.valueOf(method), answer.build())));
        int status = response.statusCode();
        if (operation != null && valid && status < 400) {
            accepted.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        } else if (operation != null && !valid && status >= 400 && status < 500) {
            refused.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        }
        return new Exchange(response, requestViolations);
    }

    private static List<String> errors(String call, ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                errors.add(call + ": [" + message.getKey() + "] " + message.getMessage());
            }
        }
        return errors;
    }

    /** The document's operation a concrete path belongs to; literal segments win over templates. */
    private String operation(String method, String path) {
        String bare = URI.create(path).getPath();
        TreeSet<String> matches = new TreeSet<>((a, b) -> Long.compare(templates(a), templates(b)) != 0
                ? Long.compare(templates(a), templates(b)) : a.compareTo(b));
        operations.forEach((operation, pattern) -> {
            if (operation.startsWith(method + " ") && pattern.matcher(bare).matches()) {
                matches.add(operation);
            }
        });
        return matches.isEmpty() ? null : matches.first();
    }

    private static long templates(String operation) {
        return operation.chars().filter(c -> c == '{').count();
    }

    private void assertNoViolations() {
        List<String> found = new ArrayList<>(violations);
        violations.clear();
        assertEquals(List.of(), found, found.size() + " violations of the OpenAPI document");
    }

    private String id(String example) {
        JsonNode application = submitted.get(example);
        assertTrue(application != null, example + " was submitted");
        return application.path("id").asText();
    }

    private static ObjectNode submission(String service, JsonNode example) {
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", TOWN);
        body.put("service", service);
        body.set("form", example.path("form"));
        if (example.has("location") && !example.path("location").isNull()) {
            body.set("location", example.path("location"));
        }
        return body;
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
