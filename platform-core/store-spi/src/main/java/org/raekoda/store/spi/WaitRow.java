package org.raekoda.store.spi;

import java.time.Instant;

/**
 * An application waiting on something outside the platform: CHECKING (registries) until {@code until}, then it
 * goes to an officer; AWAITING_PAYMENT until {@code until}, then it lapses.
 */
public record WaitRow(String applicationId, String organization, String service, String state, Instant since,
        Instant until) {
}
