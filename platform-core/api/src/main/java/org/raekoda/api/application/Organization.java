package org.raekoda.api.application;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

import org.raekoda.api.eservice.LocalizedText;

/**
 * A municipality or a state agency sharing the installation.
 *
 * @param id       short stable id, e.g. {@code tartu} or {@code ee-transport-administration}
 * @param kind     municipality or state agency
 * @param name     its name in several languages
 * @param timeZone the IANA time zone its days are counted in (e.g. {@code Europe/Tallinn}): when a permit's
 *                 period has begun, when a deadline falls; {@link #DEFAULT_TIME_ZONE} when not given
 */
public record Organization(String id, Kind kind, LocalizedText name, String timeZone) {

    /** The time zone of an organization that names none: the same everywhere, so never a surprise. */
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    }

    /** An organization in the default time zone. */
    public Organization(String id, Kind kind, LocalizedText name) {
        this(id, kind, name, null);
    }

    /** Whether {@code timeZone} names a time zone this Java knows (region ids such as Europe/Riga, or UTC). */
    public static boolean isTimeZone(String timeZone) {
        try {
            ZoneId.of(timeZone);
            return timeZone.length() <= 64;
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }

    /** The kinds of organization. */
    public enum Kind {
        MUNICIPALITY, STATE_AGENCY
    }
}
