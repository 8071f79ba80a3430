package org.raekoda.store.spi;

import java.time.Instant;

/** A webhook subscription; {@code secret} is the signing secret ({@code whsec_…}), never logged. */
public record WebhookSubscriptionRow(String id, String organization, String url, String secret, Instant createdAt,
        String createdBy) {

    @Override
    public String toString() {
        return "WebhookSubscriptionRow[" + id + ", " + organization + ", " + url + "]";
    }
}
