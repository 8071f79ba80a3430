package org.raekoda.store.spi;

/**
 * A municipality or state agency; {@code nameJson} is a localized name as a JSON object, {@code timeZone} an
 * IANA time zone id or null for the platform's default.
 */
public record OrganizationRow(String id, String kind, String nameJson, String timeZone) {

    /** A row without a time zone (as stored before organizations had one). */
    public OrganizationRow(String id, String kind, String nameJson) {
        this(id, kind, nameJson, null);
    }
}
