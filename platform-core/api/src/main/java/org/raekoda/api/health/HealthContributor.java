package org.raekoda.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by every part of the platform that can fail on its own
 * (the database, the Camel context, a country integration). The health service calls
 * {@link #check()} on each request, so a check must be cheap and must not block for long:
 * the caller gives up after a few seconds and reports the part as DOWN.
 */
@ConsumerType
public interface HealthContributor {

    /** Stable machine name, unique among contributors, for example {@code database}. */
    String name();

    /** Checks the part now. Throwing is allowed: it is reported as DOWN with the exception's message. */
    ComponentHealth check();
}
