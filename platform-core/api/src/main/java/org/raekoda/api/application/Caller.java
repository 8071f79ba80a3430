package org.raekoda.api.application;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.raekoda.api.identity.PartyCode;

/**
 * Who is acting. Built by the REST layer from the authenticated identity (e-ID login through OpenID Connect;
 * in development, a header) and passed to every service call.
 *
 * @param subject     the person's stable pseudonymous id, never a personal code; what applications, decisions
 *                    and audit lines name
 * @param person      the person's country and personal identification code, or null for callers without one
 *                    (the platform itself, development callers); never logged ({@link PartyCode#toString()})
 * @param roles       roles that hold everywhere: {@link Role#APPLICANT}, {@link Role#PLATFORM_ADMIN}
 * @param memberships the roles the person holds in each organization (OFFICER, ADMIN, SERVICE_CENTRE), as the
 *                    database grants them
 * @param channel     through which channel the caller acts
 */
public record Caller(String subject, PartyCode person, Set<Role> roles, Map<String, Set<Role>> memberships,
        Channel channel) {

    /** Roles held in an organization, not everywhere. */
    public static final Set<Role> ORGANIZATION_ROLES = Set.of(Role.OFFICER, Role.ADMIN, Role.SERVICE_CENTRE);

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Map<String, Set<Role>> copy = new LinkedHashMap<>();
        memberships.forEach((organization, held) -> copy.put(Objects.requireNonNull(organization, "organization"),
                Set.copyOf(held)));
        memberships = Map.copyOf(copy);
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * A caller of one organization, or of none: organization roles go to that organization, the others hold
     * everywhere. This is how the development header and the tests name callers.
     */
    public Caller(String subject, String organization, Set<Role> roles, Channel channel) {
        this(subject, null, globalOf(roles), organization == null ? Map.of()
                : Map.of(organization, organizationOf(roles)), channel);
    }

    public static Caller resident(String subject) {
        return new Caller(subject, null, Set.of(Role.APPLICANT), Channel.SELF_SERVICE);
    }

    public static Caller officer(String subject, String organization) {
        return new Caller(subject, organization, Set.of(Role.OFFICER), Channel.SERVICE_CENTRE);
    }

    public static Caller admin(String subject, String organization) {
        return new Caller(subject, organization, Set.of(Role.ADMIN, Role.OFFICER), Channel.SERVICE_CENTRE);
    }

    /** The platform itself, for automatic decisions. */
    public static final Caller SYSTEM = new Caller("raekoda", null, Set.of(), Map.of(), Channel.AUTOMATIC);

    /** Whether the caller holds the role anywhere: everywhere, or in at least one organization. */
    public boolean has(Role role) {
        return roles.contains(role) || memberships.values().stream().anyMatch(held -> held.contains(role));
    }

    /** Whether the caller holds the role in this organization. */
    public boolean hasIn(String organizationId, Role role) {
        return organizationId != null && memberships.getOrDefault(organizationId, Set.of()).contains(role);
    }

    /** Whether the caller is a member of this organization, in any role. */
    public boolean actsFor(String organizationId) {
        return organizationId != null && memberships.containsKey(organizationId);
    }

    /** The one organization the caller is a member of, or null when none or several. */
    public String organization() {
        return memberships.size() == 1 ? memberships.keySet().iterator().next() : null;
    }

    /**
     * The same caller acting for one organization only, for the lists of an organization's work (the queue) when a
     * person holds roles in several; without roles there, a caller of no organization.
     */
    public Caller within(String organizationId) {
        Set<Role> held = organizationId == null ? null : memberships.get(organizationId);
        return new Caller(subject, person, roles, held == null ? Map.of() : Map.of(organizationId, held), channel);
    }

    @Override
    public String toString() {
        return "Caller[" + subject + ", " + roles + ", " + memberships + ", " + channel + "]";
    }

    private static Set<Role> globalOf(Set<Role> roles) {
        Set<Role> global = EnumSet.noneOf(Role.class);
        roles.stream().filter(role -> !ORGANIZATION_ROLES.contains(role)).forEach(global::add);
        return global;
    }

    private static Set<Role> organizationOf(Set<Role> roles) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        roles.stream().filter(ORGANIZATION_ROLES::contains).forEach(held::add);
        return held;
    }

    /** The roles of the platform. */
    public enum Role {
        /** Anyone with an identity applies for themselves. */
        APPLICANT,
        /** Handles the applications of their organization. */
        OFFICER,
        /** Administers their organization: criteria, settings, zone layers, memberships. */
        ADMIN,
        /** Platform administrator of the whole installation, bootstrapped from configuration. */
        PLATFORM_ADMIN,
        /** A one-stop-shop counter officer who submits on behalf of a visiting person. */
        SERVICE_CENTRE
    }
}
