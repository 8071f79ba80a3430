package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * The state fee or municipal charge for an application.
 *
 * @param amount   JEXL expression over {@code form} giving the amount, e.g. {@code 20 + form.durationDays * 5}
 * @param currency ISO 4217 code
 */
public record FeeRule(String amount, String currency) {

    public FeeRule {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static FeeRule free() {
        return new FeeRule("0", "EUR");
    }
}
