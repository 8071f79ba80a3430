package org.raekoda.api.integration;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/** Paying an application's fee, for its applicant and those who act for them. */
@ProviderType
public interface ApplicantPayments {

    /** The methods the application's organization offers, among those installed, for its fee's currency. */
    List<OfferedPaymentMethod> methods(Caller applicant, String applicationId);

    /**
     * Starts paying an application that is AWAITING_PAYMENT with the chosen method: stores the order, then asks
     * the method for the signed request the browser sends. Starting again while an earlier payment of the same
     * application is unanswered gives a new order; whichever the operator confirms first is the one kept.
     *
     * @param apiBaseUrl the platform's public API address, for the method's callback addresses
     * @param returnTo   where the payer's browser goes back to, or null
     * @param language   the payer's language (ISO 639-1)
     */
    PaymentStart pay(Caller applicant, String applicationId, String method, String apiBaseUrl, String returnTo,
            String language);

    /** The application's payments, newest first. */
    List<PaymentOrder> payments(Caller caller, String applicationId);
}
