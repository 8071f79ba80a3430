package org.raekoda.store.spi;

/**
 * One organization's settings for one e-service.
 *
 * @param criteriaJson the organization's own criteria as a JSON array, or null for the e-service's defaults
 * @param localJson    the organization's own fee, deadlines and texts as a JSON object, or null
 */
public record SettingsRow(String organization, String service, boolean enabled, String mode, String criteriaJson,
        String localJson) {

    public SettingsRow withCriteria(boolean newEnabled, String newMode, String newCriteriaJson) {
        return new SettingsRow(organization, service, newEnabled, newMode, newCriteriaJson, localJson);
    }
}
