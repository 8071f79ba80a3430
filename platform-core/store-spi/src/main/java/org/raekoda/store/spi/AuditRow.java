package org.raekoda.store.spi;

import java.time.Instant;

/** One stored audit line. Rows are only ever inserted. */
public record AuditRow(String applicationId, String organization, Instant at, String actor, String channel,
        String action, String fromState, String toState, String detail) {
}
