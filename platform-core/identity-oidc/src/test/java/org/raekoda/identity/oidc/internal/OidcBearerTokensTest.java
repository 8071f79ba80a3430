package org.raekoda.identity.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.IdentityProviderUnavailableException;
import org.raekoda.api.identity.VerifiedIdentity;

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
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * Bearer tokens against real OpenID Connect providers on loopback (NAV's mock-oauth2-server): discovery, JWKS,
 * and every way a token must fail.
 */
class OidcBearerTokensTest {

    private static final String CODE = "EE38001085718";
    private static final Map<String, Object> TARA_PROFILE = Map.of("profile_attributes",
            Map.of("given_name", "MARI", "family_name", "MAASIKAS", "date_of_birth", "1980-01-08"));

    private static MockOAuth2Server tara;
    private static MockOAuth2Server sweden;

    private OidcBearerTokens tokens;

    @BeforeAll
    static void startProviders() {
        tara = new MockOAuth2Server();
        tara.start();
        sweden = new MockOAuth2Server();
        sweden.start();
    }

    @AfterAll
    static void stopProviders() {
        tara.shutdown();
        sweden.shutdown();
    }

    @BeforeEach
    void configure() {
        tokens = new OidcBearerTokens();
        tokens.addProvider(new OidcProvider(MockProviders.taraLike("tara", tara)));
        tokens.addProvider(new OidcProvider(MockProviders.swedishLike("freja", sweden, "personal_identity_number")));
    }

    @Test
    void aValidTokenOfEitherProviderProvesWhoItNames() {
        VerifiedIdentity estonian = tokens.verify(taraToken(CODE, MockProviders.CLIENT, TARA_PROFILE, 3600));
        assertEquals("tara", estonian.provider());
        assertEquals("EE", estonian.person().country());
        assertEquals("38001085718", estonian.person().code());
        assertEquals("MARI MAASIKAS", estonian.name());
        assertTrue(estonian.expiresAt().isAfter(Instant.now().plusSeconds(3000)));

        VerifiedIdentity swede = tokens.verify(sweden.issueToken("freja", "a-pairwise-subject", MockProviders.CLIENT,
                Map.of("personal_identity_number", "198001082384", "name", "Sven Svensson"), 3600).serialize());
        assertEquals("freja", swede.provider());
        assertEquals("SE", swede.person().country());
        assertEquals("198001082384", swede.person().code());
        assertEquals("Sven Svensson", swede.name());
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused("Expired", taraToken(CODE, MockProviders.CLIENT, Map.of(), -120));
    }

    @Test
    void aTokenWithinTheClockSkewIsAccepted() {
        assertEquals("38001085718", tokens.verify(taraToken(CODE, MockProviders.CLIENT, Map.of(), -20)).person().code());
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        long inTenMinutes = Instant.now().plusSeconds(600).getEpochSecond();
        refused("before", taraToken(CODE, MockProviders.CLIENT, Map.of("nbf", inTenMinutes), 3600));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        SignedJWT genuine = tara.issueToken("tara", CODE, MockProviders.CLIENT, Map.of(), 3600);
        // The same claims and key id, signed by a key the provider never published
        RSAKey forger = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(),
                genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(forger));
        refused("signature", forged.serialize());

        // Another provider's genuine signature under this provider's header and claims
        String[] own = genuine.serialize().split("\\.");
        String[] foreign = sweden.issueToken("tara", CODE, MockProviders.CLIENT, Map.of(), 3600).serialize().split("\\.");
        refused("signature", own[0] + "." + own[1] + "." + foreign[2]);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = tara.issueToken("tara", CODE, MockProviders.CLIENT, Map.of(), 3600).getJWTClaimsSet();
        refused("", new PlainJWT(claims).serialize());
    }

    @Test
    void aTokenMacSignedWithThePublicKeyIsRefused() throws Exception {
        // The classic confusion: HS256 keyed with the bytes of the provider's public RSA key, which anyone has.
        RSAKey published = (RSAKey) JWKSet.load(new URL(tara.issuerUrl("tara") + "/jwks")).getKeys().get(0);
        SignedJWT genuine = tara.issueToken("tara", CODE, MockProviders.CLIENT, Map.of(), 3600);
        for (byte[] secret : List.of(published.toRSAPublicKey().getEncoded(),
                published.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(published.getKeyID()).build(), genuine.getJWTClaimsSet());
            confused.sign(new MACSigner(secret));
            refused("", confused.serialize());
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused("aud", taraToken(CODE, "another-client", Map.of(), 3600));
    }

    @Test
    void aTokenOfAnIssuerNobodyConfiguredIsRefused() {
        // Same server, another issuer path; and the configured path on another server
        refused("issuer", tara.issueToken("tara-test", CODE, MockProviders.CLIENT, Map.of(), 3600).serialize());
        refused("issuer", sweden.issueToken("tara", CODE, MockProviders.CLIENT, Map.of(), 3600).serialize());
    }

    @Test
    void aTokenWithoutThePersonalCodeIsRefused() {
        refused("personal identification code", sweden.issueToken("freja", "a-pairwise-subject", MockProviders.CLIENT,
                Map.of("name", "Sven Svensson"), 3600).serialize());
        refused("country prefix", taraToken("38001085718", MockProviders.CLIENT, Map.of(), 3600));
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        InvalidCredentialsException refused = assertThrows(InvalidCredentialsException.class,
                () -> tokens.verify("not-a-jwt-secret-value"));
        assertFalse(refused.getMessage().contains("secret-value"));
        assertThrows(InvalidCredentialsException.class, () -> tokens.verify(""));
        assertThrows(InvalidCredentialsException.class, () -> tokens.verify("a".repeat(20_000)));
    }

    @Test
    void aProviderThatIsDownRefusesOnlyItsOwnTokens() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + freePort() + "/down");
        ProviderSettings down = MockProviders.taraLike("down", tara);
        tokens.addProvider(new OidcProvider(new ProviderSettings("down", nowhere, down.clientId(), down.clientSecret(),
                down.scopes(), down.audience(), down.personalCodeClaim(), null, null, true, "name", "given_name",
                "family_name", down.allowedAlgorithms(), down.clockSkew(), down.metadataRefresh(), down.jwksCache(),
                down.jwksMinRefresh(), 1000)));
        String claimsDown = new PlainJWT(new JWTClaimsSet.Builder().issuer(nowhere.toString()).subject(CODE).build())
                .serialize();
        // Not the caller's fault: the platform cannot tell, so the REST layer answers 503, not 401.
        IdentityProviderUnavailableException unavailable = assertThrows(IdentityProviderUnavailableException.class,
                () -> tokens.verify(claimsDown));
        assertTrue(unavailable.getMessage().contains("not reachable"), unavailable.getMessage());
        assertEquals("38001085718", tokens.verify(taraToken(CODE, MockProviders.CLIENT, Map.of(), 3600)).person().code());
    }

    @Test
    void keysReplacedAtTheProviderArePickedUp() throws Exception {
        int port = freePort();
        MockOAuth2Server before = new MockOAuth2Server();
        before.start(InetAddress.getLoopbackAddress(), port);
        OidcBearerTokens rotating = new OidcBearerTokens();
        rotating.addProvider(new OidcProvider(MockProviders.taraLike("rotating", before)));
        String old = before.issueToken("rotating", CODE, MockProviders.CLIENT, Map.of(), 3600).serialize();
        assertEquals("38001085718", rotating.verify(old).person().code());
        before.shutdown();

        // The same provider restarted with a new key under the same key id (mock-oauth2-server names its keys by
        // issuer; some real providers reuse key ids too): the failed signature fetches the keys again.
        RSAKey newKey = new RSAKeyGenerator(2048).keyID("rotating").generate();
        MockOAuth2Server after = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(new KeyProvider(List.of(newKey), "RS256"))));
        after.start(InetAddress.getLoopbackAddress(), port);
        try {
            String fresh = after.issueToken("rotating", CODE, MockProviders.CLIENT, Map.of(), 3600).serialize();
            assertEquals("38001085718", rotating.verify(fresh).person().code(), "the new key is fetched");
            InvalidCredentialsException stale = assertThrows(InvalidCredentialsException.class,
                    () -> rotating.verify(old));
            assertTrue(stale.getMessage().contains("signature"), stale.getMessage());
        } finally {
            after.shutdown();
        }
    }

    private String taraToken(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        return tara.issueToken("tara", subject, audience, claims, expirySeconds).serialize();
    }

    private void refused(String reason, String token) {
        InvalidCredentialsException refused = assertThrows(InvalidCredentialsException.class, () -> tokens.verify(token));
        assertTrue(refused.getMessage().toLowerCase().contains(reason.toLowerCase()), refused.getMessage());
        assertFalse(refused.getMessage().contains(token), "the reason never repeats the token");
        assertFalse(refused.getMessage().contains("38001085718"), "the reason never names the personal code");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
