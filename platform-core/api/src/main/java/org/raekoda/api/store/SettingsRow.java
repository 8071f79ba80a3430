package org.raekoda.api.store;

/**
 * One organization's settings for one e-service.
 *
 * @param criteriaJson the organization's own criteria as a JSON array, or null for the e-service's defaults
 */
public record SettingsRow(String organization, String service, boolean enabled, String mode, String criteriaJson) {
}
