package org.raekoda.api.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * A person or a company as its country's register knows it: the ISO 3166-1 alpha-2 country and the personal
 * identification code or registry code there ({@code EE}, {@code 38001085718}). A person's code is personal
 * data: {@link #toString()} hides it so that it cannot reach a log by accident.
 *
 * @param country ISO 3166-1 alpha-2, upper case
 * @param code    the code as the register writes it, without a country prefix
 */
public record PartyCode(String country, String code) {

    /** Longest code kept; national codes are far shorter. */
    public static final int MAX_CODE = 64;

    public PartyCode {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(code, "code");
        country = country.strip().toUpperCase(Locale.ROOT);
        code = code.strip();
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country is not an ISO 3166-1 alpha-2 code");
        }
        if (code.isEmpty() || code.length() > MAX_CODE) {
            throw new IllegalArgumentException("code is empty or longer than " + MAX_CODE + " characters");
        }
    }

    /** Country and code for display to those who may see it ({@code EE38001085718}); never for logs. */
    public String reveal() {
        return country + code;
    }

    @Override
    public String toString() {
        return "PartyCode[" + country + ", hidden]";
    }
}
