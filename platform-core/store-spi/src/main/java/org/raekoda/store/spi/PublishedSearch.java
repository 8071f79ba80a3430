package org.raekoda.store.spi;

import java.time.LocalDate;
import java.util.List;

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
 * @param boxes        only permits whose footprint intersects one of these boxes (CRS84 degrees, west ≤ east), or
 *                     null for no spatial condition: a box across the antimeridian is asked as its two halves,
 *                     in one search so that paging by offset stays one stable order
 * @param from         only permits whose time (issue day or occupied period, through the validity) reaches this
 *                     day or later
 * @param until        only permits whose time starts on or before this day
 * @param limit        at most this many rows
 * @param offset       skipped rows, in the order of {@code id}
 */
public record PublishedSearch(String service, String organization, boolean inForce, boolean expired,
        boolean revoked, LocalDate today, List<Box> boxes, LocalDate from, LocalDate until, int limit, long offset) {

    public PublishedSearch {
        if (boxes != null) {
            if (boxes.isEmpty()) {
                throw new IllegalArgumentException("no box: ask with null for no spatial condition");
            }
            boxes = List.copyOf(boxes);
        }
        if (today == null) {
            throw new IllegalArgumentException("today separates permits in force from expired ones");
        }
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset are 0 or more");
        }
    }

    /** A rectangle in CRS84 degrees with west ≤ east and south ≤ north. */
    public record Box(double west, double south, double east, double north) {

        public Box {
            if (east < west || north < south) {
                throw new IllegalArgumentException("an empty box");
            }
        }
    }
}
