package org.raekoda.api.integration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment as the platform stored it before the payer was sent to the operator: what a payment method signs into
 * its request, and what it checks an operator's notification against.
 *
 * @param paymentId     the platform's id of this payment
 * @param method        the payment method's id
 * @param reference     the operator-facing reference: digits only, unique per method, at most 20 digits (ePay's
 *                      INVOICE, the bank link's VK_STAMP), what notifications name
 * @param applicationId the application the fee is for
 * @param organization  the organization that is paid
 * @param amount        the amount, two decimals
 * @param currency      ISO 4217
 * @param description   what is paid for, plain text without personal data, at most 100 characters
 * @param language      the payer's language (ISO 639-1), for the operator's pages
 * @param apiBaseUrl    the platform's public API address ({@code https://host/api}): where the method's callback
 *                      resource is reached by the operator and the payer's browser
 * @param returnTo      where the payer's browser goes once the platform has the answer (the portal's page), or null
 * @param expiresAt     after this the payment is no longer accepted and the application lapses
 * @param status        where the payment stands
 */
public record PaymentOrder(String paymentId, String method, String reference, String applicationId,
        String organization, BigDecimal amount, String currency, String description, String language,
        String apiBaseUrl, String returnTo, Instant expiresAt, PaymentStatus status) {

    public PaymentOrder {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
    }
}
