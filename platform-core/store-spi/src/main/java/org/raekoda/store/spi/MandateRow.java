package org.raekoda.store.spi;

import java.time.Instant;
import java.time.LocalDate;

/** A mandate between two persons; {@code services} comma-separated, empty for all. */
public record MandateRow(String id, String grantor, String grantee, String granteeName, String services,
        LocalDate validUntil, Instant grantedAt, String revokedBy, Instant revokedAt) {
}
