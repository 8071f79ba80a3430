/**
 * The storage SPI between the engine and the persistence bundle. Each method is one transaction.
 * Rows carry JSON as text; the engine owns its meaning, persistence only keeps it. Consumers other than
 * the core should not use this package: it changes with the schema.
 */
@Export
@Version("0.3.0")
package org.raekoda.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
