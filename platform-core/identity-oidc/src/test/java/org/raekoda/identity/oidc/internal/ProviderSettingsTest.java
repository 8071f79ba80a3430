package org.raekoda.identity.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;

class ProviderSettingsTest {

    @Test
    void theNameComesFromTheFileWhenNotSet() {
        assertEquals("tara", ProviderSettings.nameFromFile("file:/opt/raekoda/etc/org.raekoda.identity.oidc-tara.cfg"));
        assertEquals("staff", ProviderSettings.nameFromFile("/opt/raekoda/etc/org.raekoda.identity.oidc-staff.cfg"));
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.nameFromFile(""));
        assertThrows(IllegalArgumentException.class, () -> ProviderSettings.nameFromFile("/etc/other.cfg"));
    }

    @Test
    void macAlgorithmsAndNoneAreNeverAllowed() {
        for (String refused : List.of("HS256", "RS256,HS512", "none", "NONE", "")) {
            assertThrows(IllegalArgumentException.class, () -> settings(ProviderSettings.algorithms(refused)), refused);
        }
        assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                settings(ProviderSettings.algorithms("RS256, ES256")).allowedAlgorithms());
    }

    @Test
    void claimsAreFoundByNameOrByPath() {
        Map<String, Object> claims = Map.of("https://example.se/claims/personnummer", "198001082384",
                "profile_attributes", Map.of("given_name", "MARI"), "blank", " ");
        assertEquals("198001082384", IdentityClaims.text(claims, "https://example.se/claims/personnummer"));
        assertEquals("MARI", IdentityClaims.text(claims, "profile_attributes.given_name"));
        assertEquals(null, IdentityClaims.text(claims, "blank"));
        assertEquals(null, IdentityClaims.text(claims, "profile_attributes.family_name"));
    }

    private static ProviderSettings settings(Set<JWSAlgorithm> algorithms) {
        return new ProviderSettings("tara", URI.create("https://tara.ria.ee"), "client", "", List.of("openid"),
                "client", "sub", null, null, true, "name", "given_name", "family_name", algorithms,
                Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofSeconds(30), 5000);
    }
}
