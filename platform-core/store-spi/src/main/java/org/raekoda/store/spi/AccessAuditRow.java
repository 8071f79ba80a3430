package org.raekoda.store.spi;

import java.time.Instant;

/** One line of the access audit. Rows are only ever inserted. */
public record AccessAuditRow(Instant at, String actor, String organization, String action, String subject,
        String applicationId, String detail) {
}
