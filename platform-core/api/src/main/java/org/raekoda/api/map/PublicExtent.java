package org.raekoda.api.map;

import java.time.LocalDate;

/**
 * Where and when the public permits of a collection lie: the smallest box holding every located one, and the
 * first and last day of their time. For clients that zoom to a layer.
 *
 * @param bbox  the box in CRS84, or null when none has a location
 * @param first the earliest day of any permit's time, or null when there is none
 * @param last  the latest day, or null
 */
public record PublicExtent(BoundingBox bbox, LocalDate first, LocalDate last) {
}
