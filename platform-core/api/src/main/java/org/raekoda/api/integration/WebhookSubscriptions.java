package org.raekoda.api.integration;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/** Webhook subscriptions, managed per organization by its administrators. */
@ProviderType
public interface WebhookSubscriptions {

    List<WebhookSubscription> of(Caller admin, String organization);

    /** Subscribes a URL; the answer carries the new secret, the only time it is shown. */
    WebhookSubscription subscribe(Caller admin, String organization, String url);

    void unsubscribe(Caller admin, String organization, String subscriptionId);
}
