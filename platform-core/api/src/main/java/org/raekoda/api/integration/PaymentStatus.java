package org.raekoda.api.integration;

/** Where one payment of an application stands. */
public enum PaymentStatus {
    /** Started: the payer was sent to the operator; no word from the operator yet. */
    STARTED,
    /** The operator confirmed the payment. Final, except for a refund. */
    PAID,
    /** The payer cancelled at the operator, or the operator refused it. The applicant may try again. */
    CANCELLED,
    /** The operator's time for this payment ran out. The applicant may try again while the application waits. */
    EXPIRED,
    /** Paid and given back. */
    REFUNDED;

    public boolean isFinal() {
        return this == PAID || this == REFUNDED;
    }
}
