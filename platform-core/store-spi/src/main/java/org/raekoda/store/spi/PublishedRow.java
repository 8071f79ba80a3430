package org.raekoda.store.spi;

import java.time.LocalDate;

/**
 * The columns of an issued permit that may be published. The row has no applicant, form or contact by design.
 *
 * @param issuedOn    the day the application entered ISSUED (maintained by the store)
 * @param locationJson the location as a GeoJSON geometry, or null
 */
public record PublishedRow(String id, String organization, String service, String serviceVersion, String state,
        LocalDate issuedOn, LocalDate occupiedFrom, LocalDate occupiedUntil, LocalDate validUntil,
        String locationJson) {
}
