package org.raekoda.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Memberships;

/** {@code raekoda:membership-revoke tartu <membership-id>}: revokes a membership; audited as membership-revoked. */
@Command(scope = "raekoda", name = "membership-revoke", description = "Revokes a membership of an organization")
@Service
public class MembershipRevokeCommand implements Action {

    @Reference
    Memberships memberships;

    @Argument(index = 0, name = "organization", required = true, description = "Organization id")
    String organization;

    @Argument(index = 1, name = "membership", required = true, description = "Membership id (raekoda:memberships)")
    String membership;

    @Override
    public Object execute() {
        try {
            Membership revoked = memberships.revoke(Consoles.platformAdmin(), organization, membership);
            System.out.printf("Membership %s of person %s in %s revoked at %s%n", revoked.id(), revoked.person(),
                    organization, revoked.revokedAt());
        } catch (ApplicationException e) {
            throw Consoles.refused(e);
        }
        return null;
    }
}
