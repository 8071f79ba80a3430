package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * How long an issued permit is valid: {@code days} counted from a starting day. Whatever the rule says, a
 * permit is valid at least through the last day it occupies its place (see {@link OccupancyRule}).
 *
 * @param days JEXL expression over {@code form} giving the number of days after the starting day, e.g.
 *             {@code form.durationDays}, {@code 365} or {@code 0} (valid through the starting day itself)
 * @param from the starting day: {@code issue} (the day of issue; the default, which is what definitions
 *             written before this field mean), {@code occupancy-start} or {@code occupancy-end} (the first or
 *             last day the permit occupies its place; the day of issue when the e-service declares no occupancy)
 */
public record ValidityRule(String days, String from) {

    public static final String FROM_ISSUE = "issue";
    public static final String FROM_OCCUPANCY_START = "occupancy-start";
    public static final String FROM_OCCUPANCY_END = "occupancy-end";

    public ValidityRule {
        Objects.requireNonNull(days, "days");
        from = from == null ? FROM_ISSUE : from;
        if (!from.equals(FROM_ISSUE) && !from.equals(FROM_OCCUPANCY_START) && !from.equals(FROM_OCCUPANCY_END)) {
            throw new IllegalArgumentException("validity.from is one of issue, occupancy-start, occupancy-end: " + from);
        }
    }

    /** A validity counted from the day of issue (the form of definitions written before {@code from} existed). */
    public ValidityRule(String days) {
        this(days, FROM_ISSUE);
    }
}
