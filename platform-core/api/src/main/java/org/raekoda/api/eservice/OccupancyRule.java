package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * When and how closely an issued permit occupies its place, so that the platform can tell whether a new
 * application clashes with permits already issued (an excavation on the street a heavy transport uses that
 * day, two signs on the same spot for the same weeks). The period is inclusive.
 *
 * @param from          JEXL expression over the facts giving the first day as an ISO date, e.g. {@code form.startDate}
 * @param until         JEXL expression giving the last day as an ISO date; null when {@code days} is given
 * @param days          JEXL expression giving the number of days, the first included; null when {@code until} is given
 * @param bufferMetres  how close another permit's geometry may come before the two clash; 0 means they must touch
 */
public record OccupancyRule(String from, String until, String days, double bufferMetres) {

    public OccupancyRule {
        Objects.requireNonNull(from, "from");
        if ((until == null) == (days == null)) {
            throw new IllegalArgumentException("an occupancy has either until or days");
        }
        if (bufferMetres < 0 || bufferMetres > 1000) {
            throw new IllegalArgumentException("bufferMetres must be between 0 and 1000");
        }
    }
}
