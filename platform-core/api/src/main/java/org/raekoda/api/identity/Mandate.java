package org.raekoda.api.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A person's permission for another person to apply, read, answer and withdraw for them.
 *
 * @param id          the mandate's id, for revoking it
 * @param grantor     who gave it (pseudonymous id)
 * @param grantorName the grantor's name as known, or null
 * @param grantee     who may act (pseudonymous id)
 * @param granteeName the grantee's name as the grantor gave it, or null
 * @param services    the e-services it covers; empty means all
 * @param validUntil  the last day it holds
 * @param grantedAt   when it was given
 * @param revokedBy   who revoked it, or null while it holds
 * @param revokedAt   when, or null
 */
public record Mandate(String id, String grantor, String grantorName, String grantee, String granteeName,
        Set<String> services, LocalDate validUntil, Instant grantedAt, String revokedBy, Instant revokedAt) {

    public Mandate {
        services = Set.copyOf(services);
    }

    /** Whether it holds on that day for that e-service. */
    public boolean covers(String service, LocalDate day) {
        return revokedAt == null && !day.isAfter(validUntil) && (services.isEmpty() || services.contains(service));
    }
}
