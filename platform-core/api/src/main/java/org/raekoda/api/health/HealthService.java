package org.raekoda.api.health;

import org.osgi.annotation.versioning.ProviderType;

/** Folds every {@link HealthContributor} and the state of the core bundles into one report. */
@ProviderType
public interface HealthService {

    /** Runs all checks now (in parallel, each with a time limit) and returns the report. */
    HealthReport check();
}
