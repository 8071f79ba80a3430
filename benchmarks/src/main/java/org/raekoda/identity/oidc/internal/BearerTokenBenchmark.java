package org.raekoda.identity.oidc.internal;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.raekoda.api.identity.VerifiedIdentity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * What verifying a bearer token costs on every API request, with the provider's keys cached: the platform's
 * {@link OidcBearerTokens} (parse, pick the provider by issuer, Nimbus's processor: signature, issuer, audience,
 * expiry, not-before, then the personal-code claims). Baselines of the same run: parsing the token alone, and
 * parsing plus the RSA signature check alone, which no verifier can skip. The provider is NAV's mock-oauth2-server
 * on loopback, as in the tests; it is asked for its keys once, before the measurement.
 * It lives in the relying party's package to build its settings as the configuration would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BearerTokenBenchmark {

    private MockOAuth2Server provider;
    private OidcBearerTokens tokens;
    private String token;
    private RSASSAVerifier signature;

    @Setup
    public void setUp() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getLoopbackAddress(), 0);
        ProviderSettings settings = new ProviderSettings("tara", URI.create(provider.issuerUrl("tara").toString()),
                "raekoda", "secret", List.of("openid"), "raekoda", "sub", null, null, true, "name", "given_name",
                "family_name", Set.of(JWSAlgorithm.RS256), Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofMinutes(15), Duration.ofSeconds(30), 5000);
        tokens = new OidcBearerTokens();
        tokens.addProvider(new OidcProvider(settings));
        token = provider.issueToken("tara", "EE38001085718", "raekoda", Map.of("name", "Mari Maasikas"), 86_400)
                .serialize();
        tokens.verify(token);
        signature = new RSASSAVerifier(JWKSet.load(provider.jwksUrl("tara").url()).getKeys().get(0).toRSAKey());
    }

    @TearDown
    public void tearDown() {
        provider.shutdown();
    }

    @Benchmark
    public VerifiedIdentity verifyBearerToken() {
        return tokens.verify(token);
    }

    @Benchmark
    public boolean baselineParseAndRsaSignature() throws Exception {
        return SignedJWT.parse(token).verify(signature);
    }

    @Benchmark
    public Object baselineParseOnly() throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
