package org.raekoda.shell.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Memberships;

/**
 * {@code raekoda:membership-grant tartu EE38001085718 ADMIN,OFFICER -n "Mari Maasikas"}: grants roles in an
 * organization, as the platform administrator the console is; audited as membership-granted by "console".
 */
@Command(scope = "raekoda", name = "membership-grant",
        description = "Grants roles (OFFICER, ADMIN, SERVICE_CENTRE) in an organization to a person")
@Service
public class MembershipGrantCommand implements Action {

    @Reference
    Memberships memberships;

    @Argument(index = 0, name = "organization", required = true, description = "Organization id")
    String organization;

    @Argument(index = 1, name = "person", required = true,
            description = "Country and personal code, e.g. EE38001085718")
    String person;

    @Argument(index = 2, name = "roles", required = true, description = "Comma-separated: OFFICER,ADMIN,SERVICE_CENTRE")
    String roles;

    @Option(name = "-n", aliases = "--name", description = "The person's name")
    String name;

    @Override
    public Object execute() {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        for (String role : List.of(roles.split(","))) {
            try {
                granted.add(Role.valueOf(role.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown role " + role.strip());
            }
        }
        try {
            Membership membership = memberships.grant(Consoles.platformAdmin(), organization,
                    Consoles.partyCode(person), name, granted);
            System.out.printf("Membership %s: person %s holds %s in %s%n", membership.id(), membership.person(),
                    membership.roles(), organization);
        } catch (ApplicationException e) {
            throw Consoles.refused(e);
        }
        return null;
    }
}
