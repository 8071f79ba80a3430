package org.raekoda.api.integration;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.raekoda.api.eservice.LocalizedText;

/**
 * A way to pay a fee (a payment operator, a bank link), registered as an OSGi service by a country integration
 * bundle. The bundle also registers its callback resource for the operator's notifications and the payer's return
 * on the platform's REST server (a JAX-RS resource service with {@code raekoda.rest.resource=true}); it verifies the
 * operator's signature there and hands the result to {@link Payments#notify}.
 */
@ConsumerType
public interface PaymentMethod {

    /** The method's id applicants choose, e.g. {@code bg-epay} or {@code ee-banklink-seb}. */
    String id();

    /** ISO 3166-1 alpha-2 code of the country the method serves. */
    String country();

    /** The external system, for the circuit breaker and /health, e.g. {@code bg-epay}. */
    String system();

    /** The name applicants see. */
    LocalizedText title();

    /** The currencies the method accepts (ISO 4217). */
    Set<String> currencies();

    /**
     * The signed request that sends the payer to the operator. Called once per payment, on a request thread:
     * it must not block on a remote system for long.
     */
    PaymentStart start(PaymentOrder order);

    /**
     * Asks the operator where a payment stands, where its protocol has such a question.
     *
     * @return the operator's word, or empty when the protocol has no status query (then only notifications count)
     * @throws SystemUnavailableException when the operator could not answer now
     */
    Optional<PaymentNotification> status(PaymentOrder order);

    /**
     * Gives a paid fee back, where the protocol allows.
     *
     * @return true when the operator refunded; false when the protocol has no refund (a person refunds by hand)
     * @throws SystemUnavailableException when the operator could not answer now
     */
    boolean refund(PaymentOrder order);
}
