/**
 * Facts from registries (population, cadastre, cemeteries, vehicles, …) that criteria read as
 * {@code registry.<name>.*}. Country integration bundles implement {@link org.raekoda.api.registry.RegistryFacts}
 * with Camel routes to their national systems; a local implementation may stand in until they exist.
 */
@Export
@Version("1.2.0")
package org.raekoda.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
