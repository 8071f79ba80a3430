package org.raekoda.api.eservice;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The e-services of the running platform. It follows the permit bundles as they are installed and
 * uninstalled: an e-service is here exactly while its bundle is active.
 */
@ProviderType
public interface Catalogue {

    List<EServiceDefinition> all();

    Optional<EServiceDefinition> find(String serviceId);

    /**
     * The definition an application was made against, also after its bundle is gone (from the
     * database's copy), so that old applications and permits stay readable.
     */
    Optional<EServiceDefinition> find(String serviceId, String version);
}
