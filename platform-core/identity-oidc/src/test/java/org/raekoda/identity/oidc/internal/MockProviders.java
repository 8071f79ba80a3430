package org.raekoda.identity.oidc.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/** Settings for providers served by NAV's mock-oauth2-server, a real OpenID Connect provider on loopback. */
final class MockProviders {

    static final String CLIENT = "raekoda";

    private MockProviders() {
    }

    /** Like Estonia's TARA: the subject is the code with its country in front (EE38001085718). */
    static ProviderSettings taraLike(String name, MockOAuth2Server server) {
        return new ProviderSettings(name, issuer(server, name), CLIENT, "secret", List.of("openid"), CLIENT, "sub",
                null, null, true, "name", "profile_attributes.given_name", "profile_attributes.family_name",
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256), Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofSeconds(30), 5000);
    }

    /** Like a Swedish eID broker: a 12-digit personnummer in its own claim, the country fixed. */
    static ProviderSettings swedishLike(String name, MockOAuth2Server server, String claim) {
        return new ProviderSettings(name, issuer(server, name), CLIENT, "secret", List.of("openid"), CLIENT, claim,
                null, "SE", false, "name", "given_name", "family_name", Set.of(JWSAlgorithm.RS256),
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofSeconds(30), 5000);
    }

    static URI issuer(MockOAuth2Server server, String issuerId) {
        return URI.create(server.issuerUrl(issuerId).toString());
    }
}
