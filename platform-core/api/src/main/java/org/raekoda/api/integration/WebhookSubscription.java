package org.raekoda.api.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * An organization's subscription to its applications' status changes, delivered as CloudEvents 1.0 (structured
 * JSON) by HTTP POST, signed as Standard Webhooks sign ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<HMAC-SHA256>}).
 *
 * @param id           the subscription's id
 * @param organization whose applications
 * @param url          where to POST; https, or http on loopback only
 * @param secret       the signing secret ({@code whsec_} + base64); shown once, when created, null afterwards
 * @param createdAt    when it was made
 * @param createdBy    who made it (subject)
 */
public record WebhookSubscription(String id, String organization, String url, String secret, Instant createdAt,
        String createdBy) {

    public WebhookSubscription {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(url, "url");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookSubscription[" + id + ", " + organization + ", " + url + "]";
    }
}
