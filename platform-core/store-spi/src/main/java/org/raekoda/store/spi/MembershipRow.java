package org.raekoda.store.spi;

import java.time.Instant;

/** A person's roles in an organization ({@code roles} comma-separated); revoked when {@code revokedAt} is set. */
public record MembershipRow(String id, String organization, String personId, String name, String roles,
        String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {
}
