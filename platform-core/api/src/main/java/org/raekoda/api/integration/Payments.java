package org.raekoda.api.integration;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's side of payments, for payment method bundles. */
@ProviderType
public interface Payments {

    /** The stored order a notification or a return names, if this method issued it. */
    Optional<PaymentOrder> order(String method, String reference);

    /**
     * Applies a verified notification once: the payment and, when it is paid, the application (to ISSUED) change
     * in one transaction. A repeated notification changes nothing and says {@link PaymentNotification.Result#DUPLICATE}.
     */
    PaymentNotification.Result notify(PaymentNotification notification);
}
