package org.raekoda.api.map;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * An issued permit as anyone may see it. It has no field for the applicant, for who acted on their behalf,
 * for contacts or for the form: what is not here cannot be published by mistake.
 *
 * @param id            the permit's number (the application's id), stable for ever
 * @param service       e-service id, e.g. {@code excavation}
 * @param serviceVersion the e-service definition's version the permit was issued under
 * @param organization  id of the municipality or agency that issued it
 * @param status        where it stands today
 * @param issuedOn      the day it was issued
 * @param occupiedFrom  first day it occupies its place, or null when its e-service declares no occupancy
 * @param occupiedUntil last day it occupies its place, or null
 * @param validUntil    last day it is valid
 * @param geometry      its location as a GeoJSON geometry in CRS84, or null when it has none
 * @param basis         why it stands
 */
public record PublicPermit(String id, String service, String serviceVersion, String organization,
        PublicStatus status, LocalDate issuedOn, LocalDate occupiedFrom, LocalDate occupiedUntil,
        LocalDate validUntil, Map<String, Object> geometry, PublicBasis basis) {

    public PublicPermit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(status, "status");
    }
}
