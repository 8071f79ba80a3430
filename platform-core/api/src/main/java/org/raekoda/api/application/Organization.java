package org.raekoda.api.application;

import java.util.Objects;

import org.raekoda.api.eservice.LocalizedText;

/**
 * A municipality or a state agency sharing the installation.
 *
 * @param id   short stable id, e.g. {@code tartu} or {@code ee-transport-administration}
 * @param kind municipality or state agency
 * @param name its name in several languages
 */
public record Organization(String id, Kind kind, LocalizedText name) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The kinds of organization. */
    public enum Kind {
        MUNICIPALITY, STATE_AGENCY
    }
}
