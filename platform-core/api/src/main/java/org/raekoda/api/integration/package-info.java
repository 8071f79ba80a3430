/**
 * How the platform talks to national systems and to other systems of a municipality.
 * <p>
 * Country integration bundles provide {@link org.raekoda.api.integration.RegistryCheck}s (population, business,
 * property and cemetery registers), {@link org.raekoda.api.integration.PaymentMethod}s (payment operators, bank
 * links) and {@link org.raekoda.api.integration.StatusNotifier}s, each as an OSGi service, written with
 * Declarative Services or Blueprint alike; their Camel routes do the talking. The core never calls them on a
 * request thread: a state change writes its messages to a transactional outbox in the same database transaction,
 * and the integration bundle's routes deliver them with retries, a circuit breaker per external system and a
 * dead-letter table ({@link org.raekoda.api.integration.OutboxAdmin}).
 */
@Export
@Version("1.0.0")
package org.raekoda.api.integration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
