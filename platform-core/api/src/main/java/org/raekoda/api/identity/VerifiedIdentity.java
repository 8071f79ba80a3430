package org.raekoda.api.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person as an identity provider proved them, before the platform knows what they may do.
 *
 * @param provider  the configured provider that proved it ({@code tara}, {@code staff}, {@code demo})
 * @param person    the person's country and personal identification code, read from the claims the provider's
 *                  configuration names
 * @param name      the person's name as the provider gave it, or null
 * @param expiresAt when the proof (token or session) ends
 */
public record VerifiedIdentity(String provider, PartyCode person, String name, Instant expiresAt) {

    public VerifiedIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "VerifiedIdentity[" + provider + ", " + person + "]";
    }
}
