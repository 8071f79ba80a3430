package org.raekoda.engine.internal.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.identity.AccessAuditEntry;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Memberships;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.MembershipRow;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.PersonRow;

/** Roles per organization, granted and revoked by its administrators, each change in the access audit. */
@Component(service = Memberships.class)
public final class MembershipsImpl implements Memberships {

    /** Longest name kept with a grant. */
    static final int NAME = 200;
    /** Most lines one read of the access audit answers. */
    public static final int MAX_AUDIT = 1000;

    private final PeopleStore people;
    private final OrganizationStore organizations;
    private final Clock clock;

    @Activate
    public MembershipsImpl(@Reference PeopleStore people, @Reference OrganizationStore organizations) {
        this(people, organizations, Clock.systemUTC());
    }

    public MembershipsImpl(PeopleStore people, OrganizationStore organizations, Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public Membership grant(Caller admin, String organization, PartyCode person, String name, Set<Role> roles) {
        requireAdmin(admin, organization, "grant roles in");
        List<FieldError> errors = new ArrayList<>();
        if (person == null) {
            errors.add(new FieldError("/person", "is required"));
        }
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("/roles", "at least one of OFFICER, ADMIN, SERVICE_CENTRE"));
        } else if (!Caller.ORGANIZATION_ROLES.containsAll(roles)) {
            errors.add(new FieldError("/roles", "only OFFICER, ADMIN and SERVICE_CENTRE are held in an organization"));
        }
        if (name != null && name.length() > NAME) {
            errors.add(new FieldError("/name", "at most " + NAME + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The membership cannot be granted", errors);
        }
        Instant now = clock.instant();
        PersonRow row = people.findOrCreate(person.country(), person.code(), name, now);
        String stored = EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
        MembershipRow membership = new MembershipRow(UUID.randomUUID().toString(), organization, row.id(), name, stored,
                admin.subject(), now, null, null);
        people.grant(membership, new AccessAuditRow(now, admin.subject(), organization, "membership-granted", row.id(),
                null, stored));
        return membership(membership);
    }

    @Override
    public Membership revoke(Caller admin, String organization, String membershipId) {
        requireAdmin(admin, organization, "revoke roles in");
        MembershipRow found = people.membership(membershipId).filter(m -> m.organization().equals(organization))
                .orElseThrow(() -> ApplicationException.notFound("membership " + membershipId));
        Instant now = clock.instant();
        return membership(people.revoke(found.id(), admin.subject(), now, new AccessAuditRow(now, admin.subject(),
                organization, "membership-revoked", found.personId(), null, found.roles())));
    }

    @Override
    public List<Membership> list(Caller admin, String organization) {
        requireAdmin(admin, organization, "list the members of");
        return people.memberships(organization).stream().map(MembershipsImpl::membership).toList();
    }

    @Override
    public List<AccessAuditEntry> audit(Caller admin, String organization, int limit) {
        requireAdmin(admin, organization, "read the access audit of");
        return people.accessAudit(organization, Math.max(1, Math.min(limit, MAX_AUDIT))).stream()
                .map(MembershipsImpl::entry).toList();
    }

    /**
     * Administrators of the organization, and platform administrators (who bring in the first administrator of
     * a new organization); 404 when there is no such organization, after the check, so that it does not leak.
     */
    private void requireAdmin(Caller caller, String organization, String what) {
        if (!caller.hasIn(organization, Role.ADMIN) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " " + what + " it");
        }
        if (organization == null || organizations.find(organization).isEmpty()) {
            throw ApplicationException.notFound("organization " + organization);
        }
    }

    static Membership membership(MembershipRow row) {
        return new Membership(row.id(), row.organization(), row.personId(), row.name(), PeopleImpl.rolesOf(row.roles()),
                row.grantedBy(), row.grantedAt(), row.revokedBy(), row.revokedAt());
    }

    static AccessAuditEntry entry(AccessAuditRow row) {
        return new AccessAuditEntry(row.at(), row.actor(), row.organization(), row.action(), row.subject(),
                row.applicationId(), row.detail());
    }
}
