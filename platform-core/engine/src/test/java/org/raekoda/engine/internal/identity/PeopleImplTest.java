package org.raekoda.engine.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.Caller.Role;

class PeopleImplTest {

    @Test
    void platformAdministratorsAreCountryAndCodeAndAnUnsetVariableMeansNobody() {
        assertEquals(Set.of(), PeopleImpl.parseAdmins(""), "Karaf writes an unset ${env:...} as empty");
        assertEquals(Set.of(), PeopleImpl.parseAdmins(null));
        assertEquals(Set.of("EE38001085718", "LV32128012345"),
                PeopleImpl.parseAdmins(" ee38001085718 , LV32128012345,,"));
        assertEquals(Set.of(), PeopleImpl.parseAdmins("EE"), "a country alone names nobody");
    }

    @Test
    void storedRolesReadBack() {
        assertEquals(Set.of(Role.ADMIN, Role.OFFICER), PeopleImpl.rolesOf("ADMIN,OFFICER"));
        assertEquals(Set.of(), PeopleImpl.rolesOf(""));
    }
}
