package org.raekoda.engine.internal.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.ClaimRule;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.ResourceClaim;
import org.raekoda.engine.internal.rules.RuleEngine;

/**
 * The exclusive resource (grave plot, stall, berth) a permit holds and for which days: from the first day of
 * its occupancy, or the day of issue when it has none, through its last valid day.
 */
final class Claims {

    private Claims() {
    }

    /**
     * The claim of an application, or null when its e-service declares none.
     *
     * @param occupancy  its occupancy, or null
     * @param issueDay   the day it would be issued (today in the organization's time zone)
     * @param validUntil its last valid day if issued on {@code issueDay}
     * @throws ApplicationException (invalid) when the resource id cannot be read from the form
     */
    static ResourceClaim claim(ClaimRule rule, Map<String, Object> facts, Occupancy occupancy, LocalDate issueDay,
            LocalDate validUntil, RuleEngine rules) {
        if (rule == null) {
            return null;
        }
        Object value;
        try {
            value = rules.value(rule.resource(), facts);
        } catch (RuntimeException e) {
            value = null;
        }
        String resource = value == null ? "" : value.toString().strip();
        if (resource.isEmpty() || resource.length() > ResourceClaim.MAX_RESOURCE_LENGTH) {
            throw ApplicationException.invalid("The resource asked for cannot be named from this form",
                    List.of(new FieldError(Occupancies.pointer(rule.resource()), "the " + rule.kind()
                            + " must be named, in at most " + ResourceClaim.MAX_RESOURCE_LENGTH + " characters")));
        }
        LocalDate from = occupancy == null ? issueDay : occupancy.from();
        return new ResourceClaim(rule.kind(), resource, from, validUntil.isBefore(from) ? from : validUntil);
    }
}
