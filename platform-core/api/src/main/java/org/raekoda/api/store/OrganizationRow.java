package org.raekoda.api.store;

/** A municipality or state agency; {@code nameJson} is a localized name as a JSON object. */
public record OrganizationRow(String id, String kind, String nameJson) {
}
