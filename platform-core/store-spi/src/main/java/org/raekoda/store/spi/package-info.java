/**
 * The storage SPI between the engine and the persistence bundle. Each method is one transaction.
 * Rows carry JSON as text; the engine owns its meaning, persistence only keeps it. It changes with the
 * schema, so it is not part of the public API: the bundle exports it with the mandatory attribute
 * {@code raekoda=core} (bnd.bnd), and only the core's bundles import it with that attribute.
 */
@Version("1.3.0")
package org.raekoda.store.spi;

import org.osgi.annotation.versioning.Version;
