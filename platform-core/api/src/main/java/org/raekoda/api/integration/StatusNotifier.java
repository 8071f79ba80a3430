package org.raekoda.api.integration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An external system told of every status change of the applications of its country's organizations (a national
 * document exchange, an archive), registered as an OSGi service by an integration bundle. Delivered from the
 * outbox with retries; {@link StatusEvent#id()} is the same on every retry.
 */
@ConsumerType
public interface StatusNotifier {

    /** ISO 3166-1 alpha-2 code: organizations of this country are notified. */
    String country();

    /** The external system, for the circuit breaker and /health. */
    String system();

    /** @throws SystemUnavailableException when the system could not take it now; the outbox tries again */
    void deliver(StatusEvent event);
}
