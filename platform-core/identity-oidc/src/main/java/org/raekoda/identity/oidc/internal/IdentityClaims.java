package org.raekoda.identity.oidc.internal;

import java.time.Instant;
import java.util.Map;

import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.identity.VerifiedIdentity;

/** Reads who a person is from verified claims, as the provider's settings say where to look. */
final class IdentityClaims {

    private IdentityClaims() {
    }

    static VerifiedIdentity identity(ProviderSettings settings, Map<String, Object> claims, Instant expiresAt) {
        String raw = text(claims, settings.personalCodeClaim());
        if (raw == null) {
            throw new InvalidCredentialsException("the token carries no personal identification code");
        }
        String country = settings.country();
        if (settings.countryClaim() != null) {
            String claimed = text(claims, settings.countryClaim());
            country = claimed != null ? claimed : country;
        }
        String code = raw;
        if (settings.stripCountryPrefix()) {
            if (raw.length() < 3 || !Character.isLetter(raw.charAt(0)) || !Character.isLetter(raw.charAt(1))) {
                throw new InvalidCredentialsException("the personal identification code lacks its country prefix");
            }
            String prefix = raw.substring(0, 2);
            if (country != null && !country.equalsIgnoreCase(prefix)) {
                throw new InvalidCredentialsException("the personal identification code is of another country");
            }
            country = prefix;
            code = raw.substring(2);
        }
        if (country == null) {
            throw new InvalidCredentialsException("the token says no country of the person");
        }
        PartyCode person;
        try {
            person = new PartyCode(country, code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialsException("the token's personal identification code or country is malformed");
        }
        return new VerifiedIdentity(settings.name(), person, name(settings, claims), expiresAt);
    }

    private static String name(ProviderSettings settings, Map<String, Object> claims) {
        String full = text(claims, settings.nameClaim());
        if (full != null) {
            return full;
        }
        String given = text(claims, settings.givenNameClaim());
        String family = text(claims, settings.familyNameClaim());
        if (given == null && family == null) {
            return null;
        }
        return given == null ? family : family == null ? given : given + " " + family;
    }

    /**
     * A claim's text: first the name as it stands (claim names may be URLs with dots), then as a path into
     * object claims ({@code profile_attributes.given_name}). Blank counts as missing.
     */
    static String text(Map<String, Object> claims, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Object value = claims.get(name);
        if (value == null && name.contains(".")) {
            Object current = claims;
            for (String part : name.split("\\.")) {
                current = current instanceof Map<?, ?> map ? map.get(part) : null;
            }
            value = current;
        }
        if (value instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return null;
    }
}
