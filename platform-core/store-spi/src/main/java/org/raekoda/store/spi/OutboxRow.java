package org.raekoda.store.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in the transactional outbox: written in the same transaction as the change that causes it, delivered
 * afterwards by the integration bundle's routes.
 *
 * @param id            message id (UUID), the receiver's idempotency key
 * @param topic         {@code registry-check}, {@code status-event}, {@code notify}, {@code webhook}
 * @param system        the external system it goes to, e.g. {@code ee-xroad-business}, {@code webhook}
 * @param organization  the organization it concerns
 * @param applicationId the application it concerns, or null
 * @param payload       the message as JSON; may hold personal codes, so it is never logged or shown
 * @param state         PENDING, IN_FLIGHT, DELIVERED or DEAD
 * @param attempts      deliveries tried so far
 * @param createdAt     when it was written
 * @param nextAttemptAt when it may be tried next (PENDING)
 * @param claimedBy     the node delivering it (IN_FLIGHT), or null
 * @param leaseUntil    until when that node holds it; after that another node may take it over
 * @param lastError     why the last attempt failed, without personal data, or null
 * @param doneAt        when it was delivered or given up, or null
 */
public record OutboxRow(String id, String topic, String system, String organization, String applicationId,
        String payload, String state, int attempts, Instant createdAt, Instant nextAttemptAt, String claimedBy,
        Instant leaseUntil, String lastError, Instant doneAt) {

    public static final String PENDING = "PENDING";
    public static final String IN_FLIGHT = "IN_FLIGHT";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    public OutboxRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new message, to be delivered as soon as possible. */
    public static OutboxRow pending(String id, String topic, String system, String organization,
            String applicationId, String payload, Instant now) {
        return new OutboxRow(id, topic, system, organization, applicationId, payload, PENDING, 0, now, now, null, null,
                null, null);
    }
}
