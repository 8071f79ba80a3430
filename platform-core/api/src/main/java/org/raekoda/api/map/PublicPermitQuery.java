package org.raekoda.api.map;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which public permits to list, in a stable order (so that paging by {@code offset} visits each once).
 *
 * @param service      e-service id, or null for every e-service
 * @param organization municipality or agency id, or null for all
 * @param statuses     the statuses wanted; empty means {@link PublicStatus#ISSUED} alone (the default view)
 * @param bbox         only permits whose location intersects this box (CRS84), or null; permits without a location
 *                     never match a box
 * @param from         only permits whose time (occupied period and validity together) reaches this day or later,
 *                     or null for no lower end
 * @param until        only permits whose time starts on or before this day, or null for no upper end
 * @param limit        how many at most, 1 to {@link PublicPermits#MAX_LIMIT}
 * @param offset       how many of the matching permits to skip, 0 or more
 */
public record PublicPermitQuery(String service, String organization, Set<PublicStatus> statuses, BoundingBox bbox,
        LocalDate from, LocalDate until, int limit, long offset) {

    public PublicPermitQuery {
        statuses = statuses == null || statuses.isEmpty() ? EnumSet.of(PublicStatus.ISSUED) : EnumSet.copyOf(statuses);
        if (limit < 1 || limit > PublicPermits.MAX_LIMIT) {
            throw new IllegalArgumentException("limit lies between 1 and " + PublicPermits.MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset is 0 or more");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("an interval ends on or after the day it starts");
        }
    }

    /** The default view of everything: permits in force, first page. */
    public static PublicPermitQuery inForce(int limit) {
        return new PublicPermitQuery(null, null, Set.of(), null, null, null, limit, 0);
    }

    /** The same query for another page. */
    public PublicPermitQuery page(int newLimit, long newOffset) {
        return new PublicPermitQuery(service, organization, statuses, bbox, from, until, newLimit, newOffset);
    }
}
