package org.raekoda.api.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.registry.RepresentedCompany;

/**
 * Who the caller is, as the platform knows them: for the caller alone.
 *
 * @param person      pseudonymous id (the subject)
 * @param name        name as the identity provider gave it, or null
 * @param code        the caller's own country and personal code, or null for callers without one
 * @param roles       roles that hold everywhere
 * @param memberships roles per organization
 * @param companies   companies the caller represents
 * @param mandates    mandates the caller holds now
 */
public record Profile(String person, String name, PartyCode code, Set<Role> roles, Map<String, Set<Role>> memberships,
        List<RepresentedCompany> companies, List<Mandate> mandates) {
}
