package org.raekoda.store.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registry checks, payments, waits, webhook subscriptions and organizations' integration settings. Changes that
 * move an application go through {@link ApplicationStore} with {@link Effects}, in one transaction. Every method is
 * one transaction.
 */
@ProviderType
public interface IntegrationStore {

    List<CheckRow> checks(String applicationId);

    Optional<CheckRow> checkByMessage(String messageId);

    /** Stores a started payment; its reference must be new for its method. */
    PaymentRow insertPayment(PaymentRow payment);

    Optional<PaymentRow> payment(String method, String reference);

    /** An application's payments, newest first. */
    List<PaymentRow> payments(String applicationId);

    /** A new payment reference: unique in the installation, digits only, from a database sequence. */
    long nextPaymentReference();

    /** Waits whose time is up ({@code until <= now}), oldest first; any node may act on them (version-guarded). */
    List<WaitRow> waitsDue(Instant now, int max);

    /** An organization's waiting applications (all when null), oldest first. */
    List<WaitRow> waits(String organization, int limit);

    List<WebhookSubscriptionRow> subscriptions(String organization);

    WebhookSubscriptionRow insertSubscription(WebhookSubscriptionRow subscription);

    /** False when the organization has no such subscription. */
    boolean deleteSubscription(String organization, String id);

    /** The organization's integration settings as JSON, if it has any. */
    Optional<String> integrationSettings(String organization);

    void saveIntegrationSettings(String organization, String json);
}
