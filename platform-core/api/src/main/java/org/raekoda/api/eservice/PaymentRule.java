package org.raekoda.api.eservice;

/**
 * Whether the fee is paid before the permit is issued. When it is and the fee is above zero, an application the
 * rules would issue waits in AWAITING_PAYMENT until the payment is confirmed, and lapses when it is not paid in the
 * organization's payment time.
 */
public record PaymentRule(boolean beforeIssue) {

    /** The fee is not collected through the platform. */
    public static final PaymentRule NONE = new PaymentRule(false);
    public static final PaymentRule BEFORE_ISSUE = new PaymentRule(true);
}
