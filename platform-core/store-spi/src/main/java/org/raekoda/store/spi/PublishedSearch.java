package org.raekoda.store.spi;

import java.time.LocalDate;

/**
 * A search of the issued permits the public may see. Null means "no condition" for every object field.
 *
 * @param service      e-service id
 * @param organization organization id
 * @param inForce      include permits in state ISSUED whose {@code valid_until} is {@code today} or later
 * @param expired      include permits in state EXPIRED, and those in state ISSUED whose {@code valid_until} is
 *                     before {@code today}
 * @param revoked      include permits in state REVOKED
 * @param today        the day that separates permits in force from expired ones
 * @param box          only permits whose footprint intersects this box (CRS84 degrees, west ≤ east: a box across
 *                     the antimeridian is asked as two searches)
 * @param from         only permits whose time (issue day or occupied period, through the validity) reaches this
 *                     day or later
 * @param until        only permits whose time starts on or before this day
 * @param limit        at most this many rows
 * @param offset       skipped rows, in the order of {@code id}
 */
public record PublishedSearch(String service, String organization, boolean inForce, boolean expired,
        boolean revoked, LocalDate today, Box box, LocalDate from, LocalDate until, int limit, long offset) {

    /** A rectangle in CRS84 degrees with west ≤ east and south ≤ north. */
    public record Box(double west, double south, double east, double north) {

        public Box {
            if (east < west || north < south) {
                throw new IllegalArgumentException("an empty box");
            }
        }
    }
}
