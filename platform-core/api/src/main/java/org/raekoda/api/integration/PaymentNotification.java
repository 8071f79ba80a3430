package org.raekoda.api.integration;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an operator said about a payment, after the payment method's bundle verified its signature and merchant.
 * The core checks the amount and currency against the stored {@link PaymentOrder} where the operator sends them,
 * and applies it at most once.
 *
 * @param method            the payment method's id
 * @param reference         the order's reference as the operator repeats it
 * @param status            PAID, CANCELLED or EXPIRED
 * @param amount            the amount the operator says was paid, or null when its protocol does not say (ePay)
 * @param currency          the currency the operator says, or null when its protocol does not say
 * @param operatorReference the operator's own id of the transaction, kept for reconciliation, or null
 */
public record PaymentNotification(String method, String reference, PaymentStatus status, BigDecimal amount,
        String currency, String operatorReference) {

    public PaymentNotification {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
    }

    /** What the core did with a notification, for the method's answer to the operator. */
    public enum Result {
        /** The payment changed as notified (and the application moved on). */
        APPLIED,
        /** The same notification came before; nothing changed. Answer the operator as the first time. */
        DUPLICATE,
        /** No such payment of this method. */
        UNKNOWN,
        /** The amount or currency differ from the order, or the payment is final otherwise: refused and logged. */
        MISMATCH
    }
}
