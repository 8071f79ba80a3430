package org.raekoda.api.integration;

import java.time.Instant;

/**
 * A message in the outbox, as administrators see it: never its payload, which may hold personal codes.
 *
 * @param id            message id
 * @param topic         {@code registry-check}, {@code status-event}, {@code webhook}
 * @param system        the external system it goes to (a registry, a notifier, {@code webhook})
 * @param organization  the organization it concerns
 * @param applicationId the application it concerns, or null
 * @param state         PENDING, IN_FLIGHT, DELIVERED or DEAD
 * @param attempts      deliveries tried
 * @param createdAt     when the change that caused it committed
 * @param nextAttemptAt when it is tried next (PENDING)
 * @param lastError     why the last attempt failed, or null
 */
public record OutboxMessage(String id, String topic, String system, String organization, String applicationId,
        String state, int attempts, Instant createdAt, Instant nextAttemptAt, String lastError) {
}
