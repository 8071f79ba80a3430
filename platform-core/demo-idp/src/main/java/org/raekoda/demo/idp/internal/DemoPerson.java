package org.raekoda.demo.idp.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.identity.PartyCode;

/**
 * A made-up person the demo provider can log in as. The provider proves only the identity (id, personal code,
 * name); {@link #memberships()} and {@link #platformAdmin()} say what the platform is meant to grant them,
 * which the platform keeps in its own database and configuration, never in the token.
 *
 * @param id            the stable, pseudonymous id the provider uses as {@code sub} and the picker submits
 * @param person        country and personal identification code in that country's real format, check digit included
 * @param name          the name as a national e-ID would give it
 * @param description   what the person is for in the demo, shown in the picker
 * @param memberships   intended memberships: organization id to roles there
 * @param platformAdmin whether the person is meant to be bootstrapped as platform administrator
 */
public record DemoPerson(String id, PartyCode person, String name, String description,
        Map<String, Set<Role>> memberships, boolean platformAdmin) {

    public DemoPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        memberships = Map.copyOf(memberships);
    }

    @Override
    public String toString() {
        return "DemoPerson[" + id + "]";
    }
}
