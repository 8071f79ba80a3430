package org.raekoda.api.application;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The organizations of the installation and the e-services each one offers. */
@ProviderType
public interface OrganizationService {

    List<Organization> all();

    Optional<Organization> find(String id);

    /** Creates or renames an organization. Platform administrators only. */
    Organization save(Caller platformAdmin, Organization organization);

    /** The ids of the e-services the organization offers. */
    List<String> enabledServices(String organization);

    /** The organization's own fee, deadlines and texts for an e-service ({@link LocalSettings#NONE} when none). */
    LocalSettings localSettings(String organization, String service);

    /** Replaces the organization's own fee, deadlines and texts for an e-service it offers. Organization admins. */
    LocalSettings localize(Caller admin, String organization, String service, LocalSettings settings);

    /**
     * Loads or replaces one of the organization's zone layers (a heritage zone, protected areas, main streets)
     * as GeoJSON in WGS 84. Criteria read them as {@code location.inZone.<name>} and {@code location.zones}.
     * Organization admins.
     */
    void saveZoneLayer(Caller admin, String organization, String name, String geoJson);

    /** The names of the organization's zone layers. */
    List<String> zoneLayers(String organization);

    /**
     * One of the organization's zone layers as it was loaded (GeoJSON in WGS 84), or empty when the organization
     * or the layer does not exist. Zones are public planning data: anyone may read them.
     */
    Optional<String> zoneLayer(String organization, String name);

    /** Offers or withdraws an e-service; a newly offered one starts in the given mode. Organization admins. */
    void enable(Caller admin, String organization, String service, boolean enabled, AutomationMode mode);
}
