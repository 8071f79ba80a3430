package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The demo OpenID Connect provider in the shipped distribution, spoken to over HTTP as a browser and a relying
 * party would: discovery and keys, a token in one call, the whole code flow through the person picker's form,
 * and that it is gone (404) the moment the node is not a development node on its embedded database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIdentityProviderIT {

    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final String DISCOVERY = "/demo-idp/.well-known/openid-configuration";
    /** The documented development-only secret (README). */
    private static final String SECRET = "raekoda-demo-secret-development-only";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private RunningDistribution karaf;
    private String issuer;

    @BeforeAll
    void startTheQuickStart() throws Exception {
        karaf = RunningDistribution.fresh("demo-idp", Map.of()).development();
        // The quick start listens on 8181, the login callback's default; this node has a port of its own.
        karaf.loginsReturnHere().start();
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).until(() -> karaf.health() != null
                && karaf.health().status() == 200 && karaf.get(DISCOVERY).statusCode() == 200);
        issuer = "http://localhost:" + karaf.httpPort() + "/demo-idp";
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void discoveryAndKeysAnswerOnTheDevelopmentNode() throws Exception {
        HttpResponse<String> discovery = karaf.get(DISCOVERY);
        assertEquals(200, discovery.statusCode());
        JsonNode metadata = JSON.readTree(discovery.body());
        assertEquals(issuer, metadata.path("issuer").asText());
        assertEquals(issuer + "/token", metadata.path("token_endpoint").asText());
        assertEquals("S256", metadata.path("code_challenge_methods_supported").path(0).asText());
        assertEquals("no-store", discovery.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("nosniff", discovery.headers().firstValue("X-Content-Type-Options").orElse(""));
        // The issuer comes from configuration, not from whatever Host the caller sends.
        HttpResponse<String> spoofed = http.send(HttpRequest.newBuilder(karaf.uri(DISCOVERY))
                .header("X-Forwarded-Host", "evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertFalse(spoofed.body().contains("evil.example"));

        JWKSet keys = JWKSet.parse(karaf.get("/demo-idp/jwks").body());
        assertEquals(1, keys.getKeys().size());
        assertFalse(keys.getKeys().get(0).isPrivate());
        assertTrue(Files.readString(karaf.home().resolve("data/log/karaf.log")).contains("DEMO identity provider at"),
                "a WARN says the demo provider is on");
    }

    @Test
    void thePlatformIsToldToTrustTheProvider() throws Exception {
        String trusted = client("config:list \"(service.factoryPid=org.raekoda.identity.oidc)\"");
        assertTrue(trusted.contains("issuer = " + issuer), trusted);
        assertTrue(trusted.contains("clientId = raekoda"), trusted);
        assertTrue(trusted.contains("personalCodeClaim = personal_code"), trusted);
        assertTrue(trusted.contains("countryClaim = country"), trusted);
        assertTrue(trusted.contains("nameClaim = name"), trusted);
    }

    @Test
    void aTokenInOneCallVerifiesAgainstThePublishedKeys() throws Exception {
        HttpResponse<String> answer = form("/demo-idp/quick-token", Map.of("person", "lv-citizen"), null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode token = JSON.readTree(answer.body());
        assertEquals("Bearer", token.path("token_type").asText());
        assertEquals(600, token.path("expires_in").asInt());
        JWTClaimsSet claims = verifyAccessToken(token.path("access_token").asText());
        assertEquals("lv-citizen", claims.getSubject());
        assertEquals("LV", claims.getStringClaim("country"));
        assertEquals("051192-11239", claims.getStringClaim("personal_code"));

        HttpResponse<String> unknown = form("/demo-idp/quick-token", Map.of("person", "nobody"), null);
        assertEquals(400, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theCodeFlowThroughThePersonPickerGivesTokensThatVerify() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        String redirect = "http://localhost:" + karaf.httpPort() + "/demo-callback";
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", "raekoda");
        request.put("redirect_uri", redirect);
        request.put("scope", "openid profile");
        request.put("state", "state-42");
        request.put("nonce", nonce.getValue());
        request.put("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
        request.put("code_challenge_method", "S256");

        HttpResponse<String> picker = karaf.get("/demo-idp/authorize?" + encode(request));
        assertEquals(200, picker.statusCode(), picker.body());
        assertTrue(picker.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = picker.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && !policy.contains("script-src"), policy);
        assertTrue(picker.body().contains("DEMO identity provider"));
        assertFalse(picker.body().contains("<script"));

        // The browser submits the form: its hidden fields and the button pressed.
        Map<String, String> submitted = hiddenFields(picker.body());
        submitted.put("person", "demo-admin");
        HttpResponse<String> chosen = form("/demo-idp/authorize", submitted, null);
        assertEquals(302, chosen.statusCode(), chosen.body());
        URI back = URI.create(chosen.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(redirect + "?"), back.toString());
        Map<String, String> query = query(back);
        assertEquals("state-42", query.get("state"));
        String code = query.get("code");

        Map<String, String> exchange = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "code_verifier", verifier.getValue());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("raekoda:" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = form("/demo-idp/token", exchange, basic);
        assertEquals(200, tokens.statusCode(), tokens.body());
        assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
        JsonNode body = JSON.readTree(tokens.body());

        JWKSet keys = JWKSet.parse(karaf.get("/demo-idp/jwks").body());
        IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(issuer), new ClientID("raekoda"), JWSAlgorithm.RS256,
                keys).validate(SignedJWT.parse(body.path("id_token").asText()), nonce);
        assertEquals("demo-admin", idToken.getSubject().getValue());
        assertEquals("EE", idToken.getStringClaim("country"));
        assertEquals("48209200333", idToken.getStringClaim("personal_code"));
        assertEquals("demo-admin", verifyAccessToken(body.path("access_token").asText()).getSubject());

        // The code is spent; a wrong secret is not this client.
        HttpResponse<String> again = form("/demo-idp/token", exchange, basic);
        assertEquals(400, again.statusCode());
        assertEquals("invalid_grant", JSON.readTree(again.body()).path("error").asText());
        HttpResponse<String> wrongSecret = form("/demo-idp/token", exchange, "Basic "
                + Base64.getEncoder().encodeToString("raekoda:guess".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", JSON.readTree(wrongSecret.body()).path("error").asText());
    }

    /**
     * The demo persons use the API as anyone would: a citizen with a token in one call, an officer of the demo town
     * whose membership the platform granted, another citizen who may not see the first one's application, and a
     * page login through the platform's own code flow and the person picker, with the session it opens.
     */
    @Test
    void theDemoPersonsUseTheApiWithTheirTokensAndAPageLogin() throws Exception {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500))
                .until(() -> karaf.get("/api/v1/services/excavation").statusCode() == 200
                        && karaf.get("/api/v1/auth/providers").body().contains("demo"));
        String citizen = "Bearer " + quickToken("ee-citizen");
        JsonNode me = JSON.readTree(karaf.get("/api/v1/me", "Authorization", citizen).body());
        assertEquals("48706121237", me.path("code").asText(), me.toString());
        JsonNode example = PermitServicesIT.example("excavation", "issued");
        ObjectNode submission = JSON.createObjectNode().put("organization", "demo").put("service", "excavation");
        submission.set("form", example.path("form"));
        submission.set("location", example.path("location"));
        HttpResponse<String> submitted = karaf.send("POST", "/api/v1/applications", submission.toString(),
                "Authorization", citizen);
        assertEquals(201, submitted.statusCode(), submitted.body());
        String application = "/api/v1/applications/" + JSON.readTree(submitted.body()).path("id").asText();

        String officer = "Bearer " + quickToken("demo-officer");
        // The platform grants the demo persons their memberships once the demo town exists.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> karaf.get("/api/v1/officer/queue", "Authorization", officer).statusCode() == 200);
        HttpResponse<String> read = karaf.get(application, "Authorization", officer);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("EE48706121237", JSON.readTree(read.body()).path("applicantCode").asText());
        assertEquals(404, karaf.get(application, "Authorization", "Bearer " + quickToken("ee-citizen-2")).statusCode());

        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = karaf.get("/api/v1/auth/demo/login?returnTo=/");
        assertEquals(302, login.statusCode(), login.body());
        // On the same host as the API, the provider's address comes as a path.
        HttpResponse<String> picker = browser.send(HttpRequest.newBuilder(karaf.uri("/").resolve(login.headers()
                .firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, picker.statusCode(), picker.body());
        Map<String, String> chosen = hiddenFields(picker.body());
        chosen.put("person", "ee-citizen");
        HttpResponse<String> back = form("/demo-idp/authorize", chosen, null);
        assertEquals(302, back.statusCode(), back.body());
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(karaf.uri("/").resolve(back.headers()
                .firstValue("Location").orElseThrow())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, landed.statusCode(), landed.body());
        String cookie = landed.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> mine = karaf.get("/api/v1/applications", "Cookie", cookie);
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(mine.body().contains(application.substring(application.lastIndexOf('/') + 1)),
                "the page login is the same person as the token: " + mine.body());
    }

    private String quickToken(String person) throws Exception {
        HttpResponse<String> answer = form("/demo-idp/quick-token", Map.of("person", person), null);
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    @Test
    void anUnregisteredRedirectIsRefusedOnThePageAndNotFollowed() throws Exception {
        HttpResponse<String> refused = karaf.get("/demo-idp/authorize?" + encode(Map.of("response_type", "code",
                "client_id", "raekoda", "redirect_uri", "https://evil.example/cb", "scope", "openid",
                "state", "s", "nonce", "n", "code_challenge", "x".repeat(43), "code_challenge_method", "S256")));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.headers().firstValue("Location").isEmpty());
    }

    @Test
    void theProductionProfileTakesTheProviderAway() throws Exception {
        Path node = karaf.home().resolve("etc/org.raekoda.node.cfg");
        String shipped = Files.readString(node);
        try {
            Files.writeString(node, "profile=production\n");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> karaf.get(DISCOVERY).statusCode() == 404);
            assertEquals(404, karaf.get("/demo-idp/jwks").statusCode());
            assertEquals(404, form("/demo-idp/quick-token", Map.of("person", "platform-admin"), null).statusCode());
            String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
            assertTrue(log.contains("Demo identity provider off"), "an INFO says why");
            assertTrue(log.contains("Removed the relying-party configuration for the demo identity provider"));
        } finally {
            // Karaf's file installer writes a configuration it has just applied back to its file when Config Admin
            // reports it, and may do so after this test restored the file: write it again until it holds.
            Files.writeString(node, shipped);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!Files.readString(node).equals(shipped)) {
                    Files.writeString(node, shipped);
                }
                return karaf.get(DISCOVERY).statusCode() == 200;
            });
        }
    }

    @Test
    void onPostgresqlThereIsNoProviderEvenWithTheHeaderAllowed() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                RunningDistribution shared = RunningDistribution.fresh("demo-idp-pg", Map.of(
                        "RAEKODA_DB_DRIVER", "org.postgresql.Driver",
                        "RAEKODA_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                        "RAEKODA_DB_USER", "postgres",
                        "RAEKODA_DB_PASSWORD", "postgres")).developmentOnSharedDatabase().start()) {
            RunningDistribution.Health health = await().atMost(BOOT).pollInterval(Duration.ofMillis(500))
                    .until(shared::health, h -> h != null && h.status() == 200);
            assertEquals("PostgreSQL", health.fact("database", "product"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> Files
                    .readString(shared.home().resolve("data/log/karaf.log")).contains("Demo identity provider off"));
            assertEquals(404, shared.get(DISCOVERY).statusCode());
            assertEquals(404, shared.get("/demo-idp/jwks").statusCode());
        }
    }

    /** One command through bin/client as the development console user. */
    private String client(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(karaf.home().resolve("bin/client").toString(), "-r", "10", "-d", "2",
                command).directory(karaf.home().toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, client.exitValue(), output);
        return output;
    }

    private JWTClaimsSet verifyAccessToken(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(karaf.get("/demo-idp/jwks").body()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("raekoda",
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "nbf", "iat", "personal_code", "country", "name")));
        return processor.process(token, null);
    }

    private HttpResponse<String> form(String path, Map<String, String> fields, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(karaf.uri(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(html);
        while (input.find()) {
            fields.put(unescape(input.group(1)), unescape(input.group(2)));
        }
        assertTrue(fields.keySet().containsAll(List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge")),
                fields.keySet().toString());
        return fields;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
