package org.raekoda.store.spi;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment of an application's fee. {@code reference} is digits only and unique per method: what the operator
 * repeats in its notification. {@code status} is a {@code PaymentStatus} name.
 */
public record PaymentRow(String id, String applicationId, String organization, String method, String reference,
        BigDecimal amount, String currency, String description, String language, String returnTo, String status,
        String operatorReference, Instant createdAt, Instant expiresAt, Instant settledAt) {

    public PaymentRow settled(String newStatus, String newOperatorReference, Instant at) {
        return new PaymentRow(id, applicationId, organization, method, reference, amount, currency, description,
                language, returnTo, newStatus, newOperatorReference, createdAt, expiresAt, at);
    }
}
