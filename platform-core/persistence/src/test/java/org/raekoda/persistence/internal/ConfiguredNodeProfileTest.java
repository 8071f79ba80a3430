package org.raekoda.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfiguredNodeProfileTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"production", "prod", "Production ", "Development", "development ", " development", "dev"})
    void everyProfileButExactlyDevelopmentIsProduction(String profile) {
        ConfiguredNodeProfile node = new ConfiguredNodeProfile(profile, true, true);
        assertFalse(node.development());
        assertFalse(node.developmentShortcuts());
    }

    @Test
    void anUnsetProfileIsNamedByTheTypedDefault() {
        assertEquals(NodeConfig.PRODUCTION, new ConfiguredNodeProfile("", true, false).name());
        assertEquals(NodeConfig.PRODUCTION, new ConfiguredNodeProfile(null, true, false).name());
    }

    @Test
    void developmentShortcutsNeedTheEmbeddedDatabaseOrTheExplicitFlag() {
        assertTrue(new ConfiguredNodeProfile("development", true, false).developmentShortcuts());
        assertFalse(new ConfiguredNodeProfile("development", false, false).developmentShortcuts());
        assertTrue(new ConfiguredNodeProfile("development", false, true).developmentShortcuts());
    }

    @Test
    void onlyAnH2DatabaseInThisProcessIsEmbedded() {
        assertTrue(ConfiguredNodeProfile.embedded("jdbc:h2:file:/opt/raekoda/data/raekoda/raekoda;DB_CLOSE_ON_EXIT=FALSE"));
        assertTrue(ConfiguredNodeProfile.embedded("jdbc:h2:mem:test"));
        assertFalse(ConfiguredNodeProfile.embedded("jdbc:h2:tcp://db.example.org/raekoda"));
        assertFalse(ConfiguredNodeProfile.embedded("jdbc:h2:ssl://db.example.org/raekoda"));
        assertFalse(ConfiguredNodeProfile.embedded("jdbc:h2:file:/shared/raekoda;AUTO_SERVER=TRUE"));
        assertFalse(ConfiguredNodeProfile.embedded("jdbc:postgresql://db.example.org:5432/raekoda"));
        assertFalse(ConfiguredNodeProfile.embedded(null));
    }
}
