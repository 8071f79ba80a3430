package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Login with a real, independent OpenID Connect provider on loopback (NAV's mock-oauth2-server, in this JVM) as
 * the shipped distribution is configured for one: a file {@code etc/org.raekoda.identity.oidc-<name>.cfg}. A page
 * login runs the authorization code flow with PKCE and a nonce through the node's own endpoints and keeps a session
 * cookie that needs its CSRF token for changes; an API client sends the provider's access token. Every kind of bad
 * token is a 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER_ID = "citizens";
    private static final String CLIENT = "raekoda";
    /** Estonia's scheme writes country and personal code together in {@code sub}: EE38001085718. */
    private static final String PERSON = "EE38001085718";
    private static final String OTHER_PERSON = "EE49403136526";

    private MockOAuth2Server provider;
    private RunningDistribution karaf;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), FreePorts.next());
        // The development profile only for the demo municipality to apply to; no header is sent in this test.
        karaf = RunningDistribution.fresh("oidc", Map.of("RAEKODA_PROFILE", "development"));
        karaf.trustIdentityProvider(ISSUER_ID, issuer(), CLIENT);
        karaf.start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> karaf.health() != null && karaf.health().status() == 200
                        && karaf.get("/api/v1/services/excavation").statusCode() == 200
                        && karaf.get("/api/v1/auth/providers").body().contains(ISSUER_ID));
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
    void aPageLoginRunsTheCodeFlowAndKeepsASessionThatNeedsItsCsrfTokenForChanges() throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, PERSON, JOSEObjectType.JWT.getType(),
                List.of(CLIENT), Map.of("name", "Mari Maasikas"), 3600));
        HttpResponse<String> login = call("GET", karaf.uri("/api/v1/auth/" + ISSUER_ID + "/login?returnTo=/portal/"),
                null, Map.of());
        assertEquals(302, login.statusCode(), login.body());
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertTrue(authorize.toString().startsWith(issuer() + "/authorize"), authorize.toString());
        String query = authorize.getRawQuery();
        assertTrue(query.contains("code_challenge_method=S256") && query.contains("nonce=") && query.contains("state="),
                "PKCE and a nonce: " + query);

        HttpResponse<String> code = call("GET", authorize, null, Map.of());
        assertEquals(302, code.statusCode(), code.body());
        URI callback = URI.create(code.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.getPath().endsWith("/api/v1/auth/callback"), callback.toString());
        HttpResponse<String> landed = call("GET", callback, null, Map.of());
        assertTrue(landed.statusCode() == 302 || landed.statusCode() == 303, landed.statusCode() + " " + landed.body());
        assertEquals("/portal/", landed.headers().firstValue("Location").orElseThrow());
        String setCookie = landed.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("raekoda_session=")).findFirst().orElseThrow();
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/")) {
            assertTrue(setCookie.toLowerCase().contains(attribute.toLowerCase()), setCookie);
        }
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        // The state is used up: the same callback again opens no second session.
        assertEquals(401, call("GET", callback, null, Map.of()).statusCode());

        HttpResponse<String> session = call("GET", karaf.uri("/api/v1/auth/session"), null, Map.of("Cookie", cookie));
        assertEquals(200, session.statusCode(), session.body());
        JsonNode me = JSON.readTree(session.body());
        assertFalse(session.body().contains("38001085718"), "the personal code is not repeated to the page");
        String csrf = me.path("csrfToken").asText();
        assertFalse(csrf.isBlank());

        assertEquals(200, call("GET", karaf.uri("/api/v1/applications"), null, Map.of("Cookie", cookie)).statusCode());
        String submission = submission().toString();
        HttpResponse<String> forged = call("POST", karaf.uri("/api/v1/applications"), submission,
                Map.of("Cookie", cookie, "Content-Type", "application/json"));
        assertEquals(403, forged.statusCode(), "a change without the CSRF token: " + forged.body());
        HttpResponse<String> submitted = call("POST", karaf.uri("/api/v1/applications"), submission,
                Map.of("Cookie", cookie, "Content-Type", "application/json", "X-CSRF-Token", csrf));
        assertEquals(201, submitted.statusCode(), submitted.body());

        HttpResponse<String> logout = call("POST", karaf.uri("/api/v1/auth/logout"), null,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
        assertTrue(logout.statusCode() < 400, logout.statusCode() + " " + logout.body());
        assertTrue((logout.body() + logout.headers().map()).contains(provider.endSessionEndpointUrl(ISSUER_ID).toString()),
                "the provider's session ends too (RP-initiated logout): " + logout.body() + logout.headers().map());
        assertEquals(401, call("GET", karaf.uri("/api/v1/applications"), null, Map.of("Cookie", cookie)).statusCode());
    }

    @Test
    void anApiClientSendsTheProvidersAccessToken() throws Exception {
        String token = provider.issueToken(ISSUER_ID, CLIENT, new DefaultOAuth2TokenCallback(ISSUER_ID, OTHER_PERSON,
                JOSEObjectType.JWT.getType(), List.of(CLIENT), Map.of("name", "Jaan Tamm"), 600)).serialize();
        HttpResponse<String> mine = call("GET", karaf.uri("/api/v1/applications"), null, bearer(token));
        assertEquals(200, mine.statusCode(), mine.body());
        HttpResponse<String> submitted = call("POST", karaf.uri("/api/v1/applications"), submission().toString(),
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        assertEquals(201, submitted.statusCode(), submitted.body());
        JsonNode application = JSON.readTree(submitted.body());
        assertFalse(application.path("applicant").asText().contains("49403136526"),
                "the applicant is a pseudonymous id, not the personal code");
        assertEquals(200, call("GET", karaf.uri("/api/v1/applications/" + application.path("id").asText()), null,
                bearer(token)).statusCode());
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
        assertFalse(log.contains("49403136526") || log.contains(token), "no personal code or token in the log");
    }

    @Test
    void everyBadTokenIsRefusedWith401() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        Instant now = Instant.now();
        // Signed by the provider itself: only the claim under test is wrong.
        bad.put("expired", provider.issueToken(ISSUER_ID, PERSON, CLIENT, Map.of(), -3600).serialize());
        bad.put("not yet valid", provider.issueToken(ISSUER_ID, PERSON, CLIENT,
                Map.of("nbf", now.plusSeconds(3600).getEpochSecond()), 7200).serialize());
        bad.put("for another audience", provider.issueToken(ISSUER_ID, PERSON, "someone-else", Map.of(), 600)
                .serialize());
        bad.put("from an issuer nobody configured", provider.issueToken("strangers", CLIENT,
                new DefaultOAuth2TokenCallback("strangers", PERSON, JOSEObjectType.JWT.getType(), List.of(CLIENT),
                        Map.of(), 600)).serialize());
        RSAKey providerKey = JWKSet.load(provider.jwksUrl(ISSUER_ID).url()).getKeys().get(0).toRSAKey();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(providerKey.getKeyID()).generate();
        SignedJWT wronglySigned = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(providerKey.getKeyID()).build(), claims(now, now.plusSeconds(600), CLIENT, issuer()));
        wronglySigned.sign(new RSASSASigner(impostor));
        bad.put("wrongly signed", wronglySigned.serialize());
        bad.put("alg none", new PlainJWT(claims(now, now.plusSeconds(600), CLIENT, issuer())).serialize());
        // The classic confusion: the provider's public key used as an HMAC secret.
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(providerKey.getKeyID())
                .build(), claims(now, now.plusSeconds(600), CLIENT, issuer()));
        confused.sign(new MACSigner(providerKey.toRSAPublicKey().getEncoded()));
        bad.put("HS256 with the public key", confused.serialize());
        bad.put("not a token", "not.a.token");

        String good = provider.issueToken(ISSUER_ID, PERSON, CLIENT, Map.of(), 600).serialize();
        assertEquals(200, call("GET", karaf.uri("/api/v1/applications"), null, bearer(good)).statusCode(),
                "the same claims, signed by the provider, pass");
        for (Map.Entry<String, String> token : bad.entrySet()) {
            HttpResponse<String> refused = call("GET", karaf.uri("/api/v1/applications"), null, bearer(token.getValue()));
            assertEquals(401, refused.statusCode(), token.getKey() + ": " + refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), token.getKey());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        }
    }

    private static JWTClaimsSet claims(Instant notBefore, Instant expires, String audience, String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(PERSON).audience(audience)
                .issueTime(Date.from(notBefore)).notBeforeTime(Date.from(notBefore)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).claim("name", "Mari Maasikas").build();
    }

    private String issuer() {
        return provider.issuerUrl(ISSUER_ID).toString();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static ObjectNode submission() throws IOException {
        JsonNode example = PermitServicesIT.example("excavation", "issued");
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", "demo");
        body.put("service", "excavation");
        body.set("form", example.path("form"));
        if (example.has("location")) {
            body.set("location", example.path("location"));
        }
        return body;
    }

    private HttpResponse<String> call(String method, URI uri, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(response);
        return response;
    }
}
