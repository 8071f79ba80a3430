package org.raekoda.api.identity;

import java.time.Instant;
import java.util.Set;

import org.raekoda.api.application.Caller.Role;

/**
 * A person's roles in one organization, as its administrators granted them.
 *
 * @param id           the membership's id, for revoking it
 * @param organization the organization
 * @param person       the person's pseudonymous id
 * @param name         the person's name as the grant gave it, or null
 * @param roles        a non-empty subset of {@link org.raekoda.api.application.Caller#ORGANIZATION_ROLES}
 * @param grantedBy    who granted it (subject)
 * @param grantedAt    when
 * @param revokedBy    who revoked it, or null while it holds
 * @param revokedAt    when it was revoked, or null while it holds
 */
public record Membership(String id, String organization, String person, String name, Set<Role> roles,
        String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {

    public Membership {
        roles = Set.copyOf(roles);
    }

    public boolean live() {
        return revokedAt == null;
    }
}
