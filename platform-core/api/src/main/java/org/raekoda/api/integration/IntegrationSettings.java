package org.raekoda.api.integration;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/** Each organization's {@link OrganizationIntegrations}. */
@ProviderType
public interface IntegrationSettings {

    /** The organization's settings, {@link OrganizationIntegrations#NONE} when it has none. */
    OrganizationIntegrations of(String organization);

    /** Replaces them. Administrators of the organization and platform administrators. */
    OrganizationIntegrations save(Caller admin, String organization, OrganizationIntegrations settings);
}
