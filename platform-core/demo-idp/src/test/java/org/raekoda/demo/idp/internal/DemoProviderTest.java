package org.raekoda.demo.idp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;

/**
 * The provider's protocol driven as a relying party would drive it, with Nimbus on the client side too: the
 * code flow with PKCE, and each way it must refuse, answered with RFC 6749's error codes. Tokens are verified
 * against the JWKS document the provider publishes, not against the key object the test made.
 */
class DemoProviderTest {

    private static final URI ISSUER = URI.create("http://localhost:8181/demo-idp");
    private static final URI CALLBACK = URI.create("http://localhost:8181/api/v1/login/callback");
    private static final String SECRET = "test-secret";
    private static RSAKey key;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final DemoProvider provider = new DemoProvider(ISSUER, "raekoda", SECRET,
            RedirectRules.sameOrigin(ISSUER), key, clock);

    @BeforeAll
    static void makeKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").algorithm(JWSAlgorithm.RS256).generate();
    }

    // Discovery and keys

    @Test
    void discoveryNamesTheEndpointsAndOffersOnlyTheCodeFlowWithS256AndRs256() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(provider.discovery());
        assertEquals(new Issuer("http://localhost:8181/demo-idp"), metadata.getIssuer());
        assertEquals(URI.create("http://localhost:8181/demo-idp/authorize"), metadata.getAuthorizationEndpointURI());
        assertEquals(URI.create("http://localhost:8181/demo-idp/token"), metadata.getTokenEndpointURI());
        assertEquals(URI.create("http://localhost:8181/demo-idp/jwks"), metadata.getJWKSetURI());
        assertEquals(URI.create("http://localhost:8181/demo-idp/logout"), metadata.getEndSessionEndpointURI());
        assertEquals(List.of(ResponseType.CODE), metadata.getResponseTypes());
        assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
        assertEquals(List.of(JWSAlgorithm.RS256), metadata.getIDTokenJWSAlgs());
    }

    @Test
    void theKeySetHoldsThePublicKeyOnly() throws Exception {
        JWKSet published = JWKSet.parse(provider.jwks());
        assertEquals(1, published.getKeys().size());
        assertEquals("test-key", published.getKeys().get(0).getKeyID());
        assertFalse(published.getKeys().get(0).isPrivate());
        assertFalse(provider.jwks().contains("\"d\""), "no private exponent");
    }

    // The code flow

    @Test
    void theCodeFlowWithPkceGivesAnIdTokenAndAnAccessTokenThatVerifyAgainstTheJwks() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        Map<String, List<String>> request = authorization(verifier, nonce, state, CALLBACK);
        assertEquals(CALLBACK, provider.checkAuthorization(request).getRedirectionURI());

        AuthenticationSuccessResponse redirect = AuthenticationSuccessResponse.parse(provider.approve(request,
                "ee-citizen"));
        assertEquals(state, redirect.getState());
        assertTrue(redirect.getRedirectionURI().toString().startsWith(CALLBACK.toString()));

        HTTPResponse answer = provider.token(new TokenRequest(provider.endpoint("/token"),
                new ClientSecretBasic(new ClientID("raekoda"), new Secret(SECRET)),
                new AuthorizationCodeGrant(redirect.getAuthorizationCode(), CALLBACK, verifier)).toHTTPRequest());
        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertEquals("no-store", answer.getCacheControl());
        OIDCTokenResponse tokens = (OIDCTokenResponse) OIDCTokenResponseParser.parse(answer).toSuccessResponse();
        assertEquals(AccessTokenType.BEARER, tokens.getOIDCTokens().getAccessToken().getType());
        assertEquals(600, tokens.getOIDCTokens().getAccessToken().getLifetime());

        IDTokenValidator validator = new IDTokenValidator(new Issuer(ISSUER), new ClientID("raekoda"),
                JWSAlgorithm.RS256, JWKSet.parse(provider.jwks()));
        IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
        assertEquals("ee-citizen", idToken.getSubject().getValue());
        assertEquals("48706121237", idToken.getStringClaim(DemoProvider.PERSONAL_CODE_CLAIM));
        assertEquals("EE", idToken.getStringClaim(DemoProvider.COUNTRY_CLAIM));
        assertEquals("Mari Maasikas", idToken.getStringClaim(DemoProvider.NAME_CLAIM));

        JWTClaimsSet access = verifyAccessToken(tokens.getOIDCTokens().getAccessToken().getValue());
        assertEquals("ee-citizen", access.getSubject());
        assertEquals(List.of("raekoda"), access.getAudience());
        assertEquals("48706121237", access.getStringClaim(DemoProvider.PERSONAL_CODE_CLAIM));
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), access.getExpirationTime().toInstant());
        assertEquals(clock.instant(), access.getNotBeforeTime().toInstant());
        assertEquals(0, provider.pendingCodes(), "the code was redeemed");
    }

    @Test
    void theClientMayAuthenticateWithTheSecretInTheBodyToo() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(verifier, CALLBACK, "demo-officer");
        HTTPResponse answer = provider.token(new TokenRequest(provider.endpoint("/token"),
                new ClientSecretPost(new ClientID("raekoda"), new Secret(SECRET)),
                new AuthorizationCodeGrant(code, CALLBACK, verifier)).toHTTPRequest());
        assertEquals(200, answer.getStatusCode(), answer.getBody());
    }

    @Test
    void aWrongVerifierIsInvalidGrant() throws Exception {
        AuthorizationCode code = code(new CodeVerifier(), CALLBACK, "ee-citizen");
        assertTokenError("invalid_grant", 400, redeem(code, CALLBACK, new CodeVerifier(), SECRET));
    }

    @Test
    void aCodeWorksOnceEvenWhenTheFirstAttemptFailed() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(verifier, CALLBACK, "ee-citizen");
        assertEquals(200, redeem(code, CALLBACK, verifier, SECRET).getStatusCode());
        assertTokenError("invalid_grant", 400, redeem(code, CALLBACK, verifier, SECRET));

        AuthorizationCode guessed = code(verifier, CALLBACK, "ee-citizen");
        assertTokenError("invalid_grant", 400, redeem(guessed, CALLBACK, new CodeVerifier(), SECRET));
        assertTokenError("invalid_grant", 400, redeem(guessed, CALLBACK, verifier, SECRET));
    }

    @Test
    void aWrongClientSecretIsInvalidClientWith401AndLeavesTheCodeUnspent() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(verifier, CALLBACK, "ee-citizen");
        assertTokenError("invalid_client", 401, redeem(code, CALLBACK, verifier, "not-the-secret"));
        // A public client (client_id only, no secret) is not this client either.
        Map<String, List<String>> form = new HashMap<>(Map.of("grant_type", List.of("authorization_code"),
                "code", List.of(code.getValue()), "redirect_uri", List.of(CALLBACK.toString()),
                "code_verifier", List.of(verifier.getValue()), "client_id", List.of("raekoda")));
        com.nimbusds.oauth2.sdk.http.HTTPRequest publicClient = new com.nimbusds.oauth2.sdk.http.HTTPRequest(
                com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.POST, provider.endpoint("/token"));
        publicClient.setHeader("Content-Type", "application/x-www-form-urlencoded");
        publicClient.setBody(com.nimbusds.oauth2.sdk.util.URLUtils.serializeParameters(form));
        assertTokenError("invalid_client", 401, provider.token(publicClient));
        assertEquals(200, redeem(code, CALLBACK, verifier, SECRET).getStatusCode(), "the right client still can");
    }

    @Test
    void aRedirectUriOtherThanTheRequestsIsInvalidGrant() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(verifier, CALLBACK, "ee-citizen");
        assertTokenError("invalid_grant", 400, redeem(code, URI.create("http://localhost:8181/elsewhere"), verifier,
                SECRET));
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(verifier, CALLBACK, "ee-citizen");
        clock.advance(Duration.ofSeconds(60));
        assertTokenError("invalid_grant", 400, redeem(code, CALLBACK, verifier, SECRET));
    }

    @Test
    void anotherGrantTypeIsUnsupported() throws Exception {
        com.nimbusds.oauth2.sdk.http.HTTPRequest request = new com.nimbusds.oauth2.sdk.http.HTTPRequest(
                com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.POST, provider.endpoint("/token"));
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setAuthorization(new ClientSecretBasic(new ClientID("raekoda"), new Secret(SECRET)).toHTTPAuthorizationHeader());
        request.setBody("grant_type=client_credentials");
        assertTokenError("unsupported_grant_type", 400, provider.token(request));
        request.setBody("grant_type=authorization_code");
        assertTokenError("invalid_request", 400, provider.token(request));
    }

    // Refused authorization requests

    @Test
    void anUnknownClientOrAnUnregisteredRedirectIsShownNotRedirected() {
        Map<String, List<String>> request = authorization(new CodeVerifier(), new Nonce(), new State(), CALLBACK);
        request.put("client_id", List.of("someone-else"));
        assertFalse(assertThrows(DemoProvider.Refused.class, () -> provider.checkAuthorization(request))
                .redirect().isPresent());
        for (String redirect : List.of("https://evil.example/cb", "http://localhost:8182/cb",
                "http://localhost:8181.evil.example/cb", "http://evil.example@localhost:8181/cb", "/relative")) {
            Map<String, List<String>> elsewhere = authorization(new CodeVerifier(), new Nonce(), new State(), CALLBACK);
            elsewhere.put("redirect_uri", List.of(redirect));
            assertFalse(assertThrows(DemoProvider.Refused.class, () -> provider.checkAuthorization(elsewhere))
                    .redirect().isPresent(), redirect);
        }
    }

    @Test
    void missingPkceStateOrNonceAndOtherFlowsAreRedirectedAsErrors() throws Exception {
        State state = new State();
        Map<String, List<String>> noPkce = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertAuthorizationError("invalid_request", state, noPkce);

        Map<String, List<String>> plain = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        plain.put("code_challenge_method", List.of("plain"));
        assertAuthorizationError("invalid_request", state, plain);

        Map<String, List<String>> noNonce = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        noNonce.remove("nonce");
        assertAuthorizationError("invalid_request", state, noNonce);

        Map<String, List<String>> noState = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        noState.remove("state");
        assertAuthorizationError("invalid_request", null, noState);

        Map<String, List<String>> noOpenid = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        noOpenid.put("scope", List.of("profile"));
        DemoProvider.Refused refused = assertThrows(DemoProvider.Refused.class,
                () -> provider.checkAuthorization(noOpenid));
        assertTrue(refused.redirect().isPresent(), "an OAuth error goes back to the client");

        Map<String, List<String>> implicit = authorization(new CodeVerifier(), new Nonce(), state, CALLBACK);
        implicit.put("response_type", List.of("id_token"));
        assertAuthorizationError("unsupported_response_type", state, implicit);
    }

    @Test
    void anUnknownPersonGetsNoCode() {
        Map<String, List<String>> request = authorization(new CodeVerifier(), new Nonce(), new State(), CALLBACK);
        assertThrows(DemoProvider.Refused.class, () -> provider.approve(request, "nobody"));
        assertEquals(0, provider.pendingCodes());
    }

    @Test
    void pendingCodesAreCappedAndExpiredOnesMakeRoom() throws Exception {
        Map<String, List<String>> request = authorization(new CodeVerifier(), new Nonce(), new State(), CALLBACK);
        for (int i = 0; i < DemoProvider.MAX_PENDING_CODES; i++) {
            provider.approve(request, "ee-citizen");
        }
        DemoProvider.Refused full = assertThrows(DemoProvider.Refused.class, () -> provider.approve(request, "ee-citizen"));
        assertEquals("temporarily_unavailable",
                AuthenticationErrorResponse.parse(full.redirect().orElseThrow()).getErrorObject().getCode());
        clock.advance(DemoProvider.CODE_LIFETIME);
        provider.approve(request, "ee-citizen");
        assertEquals(1, provider.pendingCodes());
    }

    // One call for scripts, and logout

    @Test
    void theQuickTokenIsAnAccessTokenThatVerifies() throws Exception {
        JSONObject answer = (JSONObject) new JSONParser(JSONParser.MODE_STRICTEST).parse(provider.quickToken("bg-citizen"));
        assertEquals("Bearer", answer.getAsString("token_type"));
        assertEquals(600L, ((Number) answer.get("expires_in")).longValue());
        JWTClaimsSet claims = verifyAccessToken(answer.getAsString("access_token"));
        assertEquals("7503151228", claims.getStringClaim(DemoProvider.PERSONAL_CODE_CLAIM));
        assertEquals("BG", claims.getStringClaim(DemoProvider.COUNTRY_CLAIM));
        assertEquals("Иван Петров", claims.getStringClaim(DemoProvider.NAME_CLAIM));
        assertThrows(DemoProvider.Refused.class, () -> provider.quickToken("nobody"));
    }

    @Test
    void aTokenFromAnotherKeyDoesNotVerify() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("test-key").algorithm(JWSAlgorithm.RS256).generate();
        DemoProvider impostor = new DemoProvider(ISSUER, "raekoda", SECRET, RedirectRules.sameOrigin(ISSUER), other,
                clock);
        String token = ((JSONObject) new JSONParser(JSONParser.MODE_STRICTEST).parse(impostor.quickToken("ee-citizen")))
                .getAsString("access_token");
        assertThrows(BadJOSEException.class, () -> verifyAccessToken(token));
    }

    @Test
    void logoutReturnsToARegisteredAddressWithItsStateOnly() throws Exception {
        URI back = provider.logout(Map.of("post_logout_redirect_uri", List.of("http://localhost:8181/bye"),
                "state", List.of("s-1"))).orElseThrow();
        assertEquals(URI.create("http://localhost:8181/bye?state=s-1"), back);
        assertTrue(provider.logout(Map.of()).isEmpty());
        assertThrows(DemoProvider.Refused.class, () -> provider.logout(Map.of("post_logout_redirect_uri",
                List.of("https://evil.example/"))));
    }

    @Test
    void anEmptySecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new DemoProvider(ISSUER, "raekoda", " ",
                RedirectRules.sameOrigin(ISSUER), key, clock));
    }

    // helpers

    private JWTClaimsSet verifyAccessToken(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(provider.jwks()))));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>("raekoda",
                new JWTClaimsSet.Builder().issuer(ISSUER.toString()).build(),
                Set.of("sub", "exp", "nbf", "iat", DemoProvider.PERSONAL_CODE_CLAIM, DemoProvider.COUNTRY_CLAIM));
        processor.setJWTClaimsSetVerifier(verifier);
        return processor.process(token, null);
    }

    private static Map<String, List<String>> authorization(CodeVerifier verifier, Nonce nonce, State state, URI redirect) {
        return new HashMap<>(new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"),
                new ClientID("raekoda"), redirect).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).endpointURI(ISSUER).build().toParameters());
    }

    private AuthorizationCode code(CodeVerifier verifier, URI redirect, String person) throws Exception {
        return AuthenticationSuccessResponse.parse(provider.approve(authorization(verifier, new Nonce(), new State(),
                redirect), person)).getAuthorizationCode();
    }

    private HTTPResponse redeem(AuthorizationCode code, URI redirect, CodeVerifier verifier, String secret) {
        return provider.token(new TokenRequest(provider.endpoint("/token"),
                new ClientSecretBasic(new ClientID("raekoda"), new Secret(secret)),
                new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest());
    }

    private static void assertTokenError(String code, int status, HTTPResponse answer) throws Exception {
        assertEquals(status, answer.getStatusCode(), answer.getBody());
        assertEquals(code, TokenErrorResponse.parse(answer).getErrorObject().getCode());
    }

    private void assertAuthorizationError(String code, State state, Map<String, List<String>> request) throws Exception {
        DemoProvider.Refused refused = assertThrows(DemoProvider.Refused.class, () -> provider.checkAuthorization(request));
        AuthenticationErrorResponse error = AuthenticationErrorResponse.parse(refused.redirect().orElseThrow());
        assertEquals(code, error.getErrorObject().getCode());
        assertEquals(state, error.getState());
        assertTrue(error.getRedirectionURI().toString().startsWith(CALLBACK.toString()));
    }

    /** A clock the test moves; it starts now, as the verifiers' own clocks do. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
