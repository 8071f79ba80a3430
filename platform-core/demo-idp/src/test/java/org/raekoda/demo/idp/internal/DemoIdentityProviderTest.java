package org.raekoda.demo.idp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.raekoda.api.node.NodeProfile;

class DemoIdentityProviderTest {

    @Test
    void itRunsOnlyInTheDevelopmentProfileOnTheEmbeddedDatabase() {
        assertTrue(DemoIdentityProvider.mayRun(profile(true, true, true)));
        assertFalse(DemoIdentityProvider.mayRun(profile(false, true, false)), "production");
        assertFalse(DemoIdentityProvider.mayRun(profile(true, false, false)), "development on PostgreSQL");
        // A test may open the development header on a shared database; the provider's memory is still one node's.
        assertFalse(DemoIdentityProvider.mayRun(profile(true, false, true)), "development header allowed on PostgreSQL");
    }

    private static NodeProfile profile(boolean development, boolean embedded, boolean shortcuts) {
        return new NodeProfile() {
            @Override
            public String name() {
                return development ? "development" : "production";
            }

            @Override
            public boolean development() {
                return development;
            }

            @Override
            public boolean embeddedDatabase() {
                return embedded;
            }

            @Override
            public boolean developmentShortcuts() {
                return shortcuts;
            }
        };
    }
}
