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
 * @param started       what happens to an application whose period has already begun (its first day is before
 *                      today in the organization's time zone): {@code review} (the default: an officer decides)
 *                      or {@code refuse} (400 at the first day's form field); never issued automatically
 */
public record OccupancyRule(String from, String until, String days, double bufferMetres, String started) {

    public static final String STARTED_REVIEW = "review";
    public static final String STARTED_REFUSE = "refuse";

    public OccupancyRule {
        Objects.requireNonNull(from, "from");
        if ((until == null) == (days == null)) {
            throw new IllegalArgumentException("an occupancy has either until or days");
        }
        if (bufferMetres < 0 || bufferMetres > 1000) {
            throw new IllegalArgumentException("bufferMetres must be between 0 and 1000");
        }
        started = started == null ? STARTED_REVIEW : started;
        if (!started.equals(STARTED_REVIEW) && !started.equals(STARTED_REFUSE)) {
            throw new IllegalArgumentException("occupancy.started is review or refuse: " + started);
        }
    }

    /** An occupancy whose applications with a begun period go to review (as written before {@code started}). */
    public OccupancyRule(String from, String until, String days, double bufferMetres) {
        this(from, until, days, bufferMetres, STARTED_REVIEW);
    }
}
