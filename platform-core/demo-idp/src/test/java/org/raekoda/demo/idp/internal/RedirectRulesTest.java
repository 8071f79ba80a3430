package org.raekoda.demo.idp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedirectRulesTest {

    @Test
    void theDefaultIsTheIssuersOriginAndNothingThatLooksLikeIt() {
        RedirectRules rules = RedirectRules.sameOrigin(URI.create("http://localhost:8181/demo-idp"));
        assertTrue(rules.allows("http://localhost:8181/api/v1/login/callback"));
        assertTrue(rules.allows("http://localhost:8181/"));
        for (String other : List.of("http://localhost:8182/", "http://localhost:81810/", "https://localhost:8181/",
                "http://localhost:8181.evil.example/", "http://localhost:8181@evil.example/",
                "http://evil.example@localhost:8181/", "http://localhost:8181/cb#fragment", "http://localhost:8181",
                "javascript:alert(1)", "/relative", "not a uri")) {
            assertFalse(rules.allows(other), other);
        }
    }

    @Test
    void exactRulesMatchExactly() {
        RedirectRules rules = new RedirectRules(List.of("https://app.example/cb", "http://127.0.0.1:9000/*"));
        assertTrue(rules.allows("https://app.example/cb"));
        assertFalse(rules.allows("https://app.example/cb2"));
        assertTrue(rules.allows("http://127.0.0.1:9000/anything"));
    }
}
