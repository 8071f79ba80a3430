package org.raekoda.api.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/**
 * Mandates between persons: a person lets another apply for them. Granting, revoking and each use are lines
 * of the access audit.
 */
@ProviderType
public interface Mandates {

    /** Longest a mandate may hold, from the day it is given. */
    int MAX_YEARS = 5;

    /**
     * The caller gives a mandate to another person.
     *
     * @param grantor     the caller, a person
     * @param grantee     the person who may act, by country and personal code (from the request body)
     * @param granteeName their name, or null
     * @param services    the e-services it covers; empty for all
     * @param validUntil  its last day: today or later, at most {@link #MAX_YEARS} years ahead
     */
    Mandate grant(Caller grantor, PartyCode grantee, String granteeName, Set<String> services, LocalDate validUntil);

    /** Mandates the caller gave, revoked ones too, newest first. */
    List<Mandate> given(Caller caller);

    /** Mandates the caller holds now. */
    List<Mandate> received(Caller caller);

    /** Revokes a mandate the caller gave; NOT_FOUND for any other. */
    Mandate revoke(Caller grantor, String mandateId);

    /**
     * The access audit about the caller, newest first: mandates they gave, received and revoked, applications
     * made for them, memberships granted to them, and which staff read their applications.
     */
    List<AccessAuditEntry> audit(Caller caller, int limit);
}
