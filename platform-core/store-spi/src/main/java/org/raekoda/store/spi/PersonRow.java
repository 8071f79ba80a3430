package org.raekoda.store.spi;

import java.time.Instant;

/** A person the platform has seen: a pseudonymous id for their country and personal code. */
public record PersonRow(String id, String country, String personalCode, String name, Instant firstSeen) {

    @Override
    public String toString() {
        return "PersonRow[" + id + "]";
    }
}
