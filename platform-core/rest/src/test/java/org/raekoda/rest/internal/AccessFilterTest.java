package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;

/** The part of each rule that the request alone decides; the engine's part is proved by the access-matrix IT. */
class AccessFilterTest {

    private static final Caller CITIZEN = Caller.resident("p1");
    private static final Caller TARTU_OFFICER = Caller.officer("p2", "tartu");
    private static final Caller TARTU_ADMIN = Caller.admin("p3", "tartu");
    private static final Caller PLATFORM = new Caller("p4", null, Set.of(Role.APPLICANT, Role.PLATFORM_ADMIN),
            Map.of(), Channel.SELF_SERVICE);
    private static final Caller TWO_TOWNS = new Caller("p5", null, Set.of(Role.APPLICANT),
            Map.of("tartu", Set.of(Role.OFFICER), "riga", Set.of(Role.ADMIN)), Channel.SERVICE_CENTRE);

    @Test
    void administrationIsForTheAdministratorsOfThePathsOrganizationOnly() {
        MultivaluedMap<String, String> tartu = path("m", "tartu");
        assertTrue(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN, TARTU_ADMIN, tartu));
        assertFalse(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN, TARTU_OFFICER, tartu));
        // The platform administrator runs the installation, not the towns' criteria.
        assertFalse(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN, PLATFORM, tartu));
        assertTrue(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN, PLATFORM, tartu));
        // An administrator of Riga who is an officer of Tartu administers Riga only.
        assertFalse(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN, TWO_TOWNS, tartu));
        assertTrue(AccessFilter.admits(Access.Rule.ORGANIZATION_ADMIN, TWO_TOWNS, path("organization", "riga")));
    }

    @Test
    void rolesAreCheckedBeforeTheBody() {
        MultivaluedMap<String, String> none = new MultivaluedHashMap<>();
        assertFalse(AccessFilter.admits(Access.Rule.APPLICATION_OFFICER, CITIZEN, none));
        assertTrue(AccessFilter.admits(Access.Rule.APPLICATION_OFFICER, TARTU_OFFICER, none));
        assertFalse(AccessFilter.admits(Access.Rule.PLATFORM_ADMIN, TARTU_ADMIN, none));
        assertTrue(AccessFilter.admits(Access.Rule.PLATFORM_ADMIN, PLATFORM, none));
        assertTrue(AccessFilter.admits(Access.Rule.APPLICANT, CITIZEN, none));
        assertTrue(AccessFilter.admits(Access.Rule.APPLICANT, new Caller("p6", "tartu", Set.of(Role.SERVICE_CENTRE),
                Channel.SERVICE_CENTRE), none));
        assertFalse(AccessFilter.admits(Access.Rule.APPLICANT, TARTU_OFFICER, none));
    }

    private static MultivaluedMap<String, String> path(String name, String value) {
        MultivaluedMap<String, String> path = new MultivaluedHashMap<>();
        path.putSingle(name, value);
        return path;
    }
}
