/**
 * Health of a Raekoda node: each part of the platform contributes what it knows about itself,
 * and the {@link org.raekoda.api.health.HealthService} folds the answers into one report that
 * the REST API ({@code /api/v1/health}) and the shell ({@code raekoda:status}) both show.
 */
@Export
@Version("1.0.0")
package org.raekoda.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
