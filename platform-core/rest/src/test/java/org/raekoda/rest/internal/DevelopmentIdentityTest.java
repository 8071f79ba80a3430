package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Channel;
import org.raekoda.api.node.NodeProfile;

class DevelopmentIdentityTest {

    @Test
    void theHeaderCountsOnlyWhereTheNodeAllowsDevelopmentShortcuts() {
        String header = "subject=root; roles=PLATFORM_ADMIN";
        assertNull(callers(false).developmentCaller(header));
        assertEquals("openid-connect", callers(false).identityMode());
        assertEquals("root", callers(true).developmentCaller(header).subject());
        assertEquals("openid-connect,development-header", callers(true).identityMode());
    }

    @Test
    void aWellFormedHeaderNamesTheCaller() {
        Caller officer = DevelopmentIdentity.parse("subject=mari; roles=OFFICER,ADMIN; organization=tartu");
        assertEquals("mari", officer.subject());
        assertEquals("tartu", officer.organization());
        assertEquals(Set.of(), officer.roles());
        assertEquals(Map.of("tartu", Set.of(Caller.Role.OFFICER, Caller.Role.ADMIN)), officer.memberships());
        assertTrue(officer.hasIn("tartu", Caller.Role.ADMIN));
        assertFalse(officer.hasIn("riga", Caller.Role.OFFICER));
        assertEquals(Channel.SERVICE_CENTRE, officer.channel());
        assertEquals(Channel.SELF_SERVICE, DevelopmentIdentity.parse("subject=alice; roles=applicant").channel());
    }

    @Test
    void theHeaderMayNameThePersonTheCallerIs() {
        Caller mari = DevelopmentIdentity.parse("subject=mari; roles=APPLICANT; person=ee38001085718");
        assertEquals(new org.raekoda.api.identity.PartyCode("EE", "38001085718"), mari.person());
        assertEquals(Set.of(Caller.Role.APPLICANT), mari.roles());
        assertNull(DevelopmentIdentity.parse("subject=mari; roles=APPLICANT; person=E"));
        assertNull(DevelopmentIdentity.parse("subject=mari; roles=APPLICANT; person=1238001085718"));
        assertNull(DevelopmentIdentity.parse("subject=mari; roles=APPLICANT; person=EE3800108571838001085718"
                + "38001085718380010857183800108571838001085718380010857183800108571838001085718"));
    }

    @Test
    void aMalformedHeaderNamesNobody() {
        assertNull(DevelopmentIdentity.parse(null));
        assertNull(DevelopmentIdentity.parse("subject=alice"));
        assertNull(DevelopmentIdentity.parse("subject=alice; roles=GOD"));
        assertNull(DevelopmentIdentity.parse("roles=APPLICANT"));
        assertNull(DevelopmentIdentity.parse("subject=alice; roles=APPLICANT; shoe=42"));
    }

    private static Callers callers(boolean shortcuts) {
        // Bearer tokens and page logins play no part in the development header.
        return new Callers(node(shortcuts), null, null, null);
    }

    private static NodeProfile node(boolean shortcuts) {
        return new NodeProfile() {
            @Override
            public String name() {
                return shortcuts ? "development" : "production";
            }

            @Override
            public boolean development() {
                return shortcuts;
            }

            @Override
            public boolean embeddedDatabase() {
                return true;
            }

            @Override
            public boolean developmentShortcuts() {
                return shortcuts;
            }
        };
    }
}
