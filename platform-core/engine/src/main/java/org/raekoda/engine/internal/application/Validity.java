package org.raekoda.engine.internal.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.ValidityRule;
import org.raekoda.store.spi.Occupancy;

/**
 * The last day a permit is valid: the definition's days counted from the day of issue or from the first or
 * last day of its occupancy, and never before the last day it occupies its place, so that a permit for works
 * weeks ahead does not expire before they start.
 */
final class Validity {

    /** Longest validity accepted (99 years of a grave site and some). */
    static final long MAX_DAYS = 366L * 100;

    private Validity() {
    }

    /**
     * @param occupancy the permit's occupancy, or null when its e-service declares none
     * @param issueDay  the day of issue in the organization's time zone
     */
    static LocalDate until(ValidityRule rule, Map<String, Object> facts, Occupancy occupancy, LocalDate issueDay,
            Facts amounts) {
        long days = amounts.amount(rule.days(), facts, "/form", "validity").longValue();
        if (days < 0 || days > MAX_DAYS) {
            throw ApplicationException.invalid("The validity cannot be computed from this form",
                    List.of(new FieldError("/form", "the validity must be between 0 and " + MAX_DAYS + " days")));
        }
        LocalDate start = switch (rule.from()) {
            case ValidityRule.FROM_OCCUPANCY_START -> occupancy == null ? issueDay : occupancy.from();
            case ValidityRule.FROM_OCCUPANCY_END -> occupancy == null ? issueDay : occupancy.until();
            default -> issueDay;
        };
        LocalDate until = start.plusDays(days);
        if (occupancy != null && until.isBefore(occupancy.until())) {
            return occupancy.until();
        }
        return until.isBefore(issueDay) ? issueDay : until;
    }
}
