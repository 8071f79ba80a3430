package org.raekoda.api.identity;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;

/**
 * Who holds which roles in an organization. Only the organization's administrators grant and revoke them, and
 * platform administrators, who bring in the first administrator of a new organization. Every grant and revoke
 * is a line of the organization's access audit.
 */
@ProviderType
public interface Memberships {

    /**
     * Grants roles in an organization to a person, recording the person on first sight.
     *
     * @param admin  who grants: an administrator of the organization or a platform administrator
     * @param person the person's country and personal code (from the request body, never a URL)
     * @param name   the person's name, or null
     * @param roles  a non-empty subset of OFFICER, ADMIN, SERVICE_CENTRE
     * @throws org.raekoda.api.application.ApplicationException FORBIDDEN, NOT_FOUND (organization) or INVALID
     */
    Membership grant(Caller admin, String organization, PartyCode person, String name, Set<Role> roles);

    /** Revokes a membership of the organization; revoking one already revoked answers it unchanged. */
    Membership revoke(Caller admin, String organization, String membershipId);

    /** The organization's memberships, those revoked too, newest first. */
    List<Membership> list(Caller admin, String organization);

    /** The organization's access audit, newest first, at most {@code limit} lines. */
    List<AccessAuditEntry> audit(Caller admin, String organization, int limit);
}
