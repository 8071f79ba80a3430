package org.raekoda.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Memberships;

/** {@code raekoda:memberships tartu}: an organization's memberships, revoked ones too (persons by id, not code). */
@Command(scope = "raekoda", name = "memberships", description = "Lists an organization's memberships")
@Service
public class MembershipsCommand implements Action {

    @Reference
    Memberships memberships;

    @Argument(index = 0, name = "organization", required = true, description = "Organization id")
    String organization;

    @Override
    public Object execute() {
        try {
            System.out.printf("%-36s %-36s %-24s %-28s %s%n", "ID", "PERSON", "NAME", "ROLES", "REVOKED");
            for (Membership m : memberships.list(Consoles.platformAdmin(), organization)) {
                System.out.printf("%-36s %-36s %-24s %-28s %s%n", m.id(), m.person(), m.name() == null ? "-" : m.name(),
                        m.roles(), m.revokedAt() == null ? "-" : m.revokedAt());
            }
        } catch (ApplicationException e) {
            throw Consoles.refused(e);
        }
        return null;
    }
}
