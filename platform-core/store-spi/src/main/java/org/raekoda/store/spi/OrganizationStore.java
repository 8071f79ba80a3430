package org.raekoda.store.spi;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Organizations and their per-e-service settings. Every method is one transaction. */
@ProviderType
public interface OrganizationStore {

    Optional<OrganizationRow> find(String id);

    List<OrganizationRow> all();

    OrganizationRow save(OrganizationRow organization);

    Optional<SettingsRow> settings(String organization, String service);

    List<SettingsRow> settingsOf(String organization);

    SettingsRow save(SettingsRow settings);

    /** Keeps a copy of each e-service definition seen, so that its applications stay readable after uninstall. */
    void rememberDefinition(String service, String version, String definitionJson);

    Optional<String> definition(String service, String version);

    /** Creates or replaces one of the organization's zone layers (GeoJSON). */
    void saveZoneLayer(String organization, String name, String geoJson);

    /**
     * The organization's zone layers by name, with when each was last loaded: a small query, so that a
     * node can keep parsed layers keyed by it and still see a layer replaced through another node.
     */
    java.util.Map<String, java.time.Instant> zoneLayerVersions(String organization);

    /** One zone layer's GeoJSON, if the organization has it. */
    java.util.Optional<String> zoneLayer(String organization, String name);
}
