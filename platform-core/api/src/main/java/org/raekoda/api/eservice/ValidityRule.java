package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * How long an issued permit is valid.
 *
 * @param days JEXL expression over {@code form} giving the number of days from issuance,
 *             e.g. {@code form.durationDays} or {@code 365}
 */
public record ValidityRule(String days) {

    public ValidityRule {
        Objects.requireNonNull(days, "days");
    }
}
