package org.raekoda.store.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The exclusive resource an application's permit holds (a grave plot, a stall) and the inclusive period it
 * holds it: from its first day through its last valid day. The store finds permits in force holding the same
 * kind and id by these columns.
 */
public record ResourceClaim(String kind, String resource, LocalDate from, LocalDate until) {

    /** Longest resource id kept; the database column's size. */
    public static final int MAX_RESOURCE_LENGTH = 128;

    public ResourceClaim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (resource.length() > MAX_RESOURCE_LENGTH) {
            throw new IllegalArgumentException("a resource id is at most " + MAX_RESOURCE_LENGTH + " characters");
        }
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("a claim ends on or after the day it starts");
        }
    }
}
