package org.raekoda.store.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where and when an application's permit occupies its place: the inclusive period and the bounding box
 * of its geometry in WGS 84 degrees. The store finds candidate clashes by these columns alone; the exact
 * geometric test is the engine's.
 */
public record Occupancy(LocalDate from, LocalDate until, double west, double south, double east, double north) {

    public Occupancy {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("an occupancy ends on or after the day it starts");
        }
        if (east < west || north < south) {
            throw new IllegalArgumentException("an empty bounding box");
        }
    }

    /** The same period with the box widened on every side by the given degrees. */
    public Occupancy widened(double degreesLongitude, double degreesLatitude) {
        return new Occupancy(from, until, west - degreesLongitude, south - degreesLatitude, east + degreesLongitude,
                north + degreesLatitude);
    }
}
