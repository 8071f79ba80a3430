package org.raekoda.api.application;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting. Built by the REST layer from the authenticated identity (e-ID login when the identity
 * issue lands; a development header until then) and passed to every service call.
 *
 * @param subject      stable pseudonymous id of the person (never a personal code in logs)
 * @param organization the organization an officer or admin acts for, or null for a resident
 * @param roles        what the caller may do
 * @param channel      through which channel the caller acts
 */
public record Caller(String subject, String organization, Set<Role> roles, Channel channel) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(channel, "channel");
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
    public static final Caller SYSTEM = new Caller("raekoda", null, Set.of(), Channel.AUTOMATIC);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Officers and admins act for exactly one organization. */
    public boolean actsFor(String organizationId) {
        return organization != null && organization.equals(organizationId);
    }

    /** The roles of the platform. */
    public enum Role {
        APPLICANT, OFFICER, ADMIN, PLATFORM_ADMIN
    }
}
