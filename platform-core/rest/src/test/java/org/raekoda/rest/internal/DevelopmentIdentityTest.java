package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Channel;

class DevelopmentIdentityTest {

    @Test
    void theProductionProfileSwitchesTheHeaderOffWhateverElseIsConfigured() {
        assertFalse(DevelopmentIdentity.enabled(config(true, "production")));
        assertFalse(DevelopmentIdentity.enabled(config(true, " PRODUCTION ")));
        assertFalse(DevelopmentIdentity.enabled(config(false, "development")));
        assertTrue(DevelopmentIdentity.enabled(config(true, "development")));
    }

    @Test
    void theDefaultsAreProductionAndOff() throws Exception {
        RestConfig defaults = config(
                (boolean) RestConfig.class.getMethod("developmentHeader").getDefaultValue(),
                (String) RestConfig.class.getMethod("profile").getDefaultValue());
        assertFalse(DevelopmentIdentity.enabled(defaults));
    }

    @Test
    void aWellFormedHeaderNamesTheCaller() {
        Caller officer = DevelopmentIdentity.parse("subject=mari; roles=OFFICER,ADMIN; organization=tartu");
        assertEquals("mari", officer.subject());
        assertEquals("tartu", officer.organization());
        assertEquals(Set.of(Caller.Role.OFFICER, Caller.Role.ADMIN), officer.roles());
        assertEquals(Channel.SERVICE_CENTRE, officer.channel());
        assertEquals(Channel.SELF_SERVICE, DevelopmentIdentity.parse("subject=alice; roles=applicant").channel());
    }

    @Test
    void aMalformedHeaderNamesNobody() {
        assertNull(DevelopmentIdentity.parse(null));
        assertNull(DevelopmentIdentity.parse("subject=alice"));
        assertNull(DevelopmentIdentity.parse("subject=alice; roles=GOD"));
        assertNull(DevelopmentIdentity.parse("roles=APPLICANT"));
        assertNull(DevelopmentIdentity.parse("subject=alice; roles=APPLICANT; shoe=42"));
    }

    private static RestConfig config(boolean header, String profile) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public String address() {
                return "/";
            }

            @Override
            public boolean developmentHeader() {
                return header;
            }

            @Override
            public String profile() {
                return profile;
            }

            @Override
            public String openApiPath() {
                return "/api/openapi.json";
            }
        };
    }
}
