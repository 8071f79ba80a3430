package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * One step of the manual procedure, for applications that are not issued automatically.
 *
 * @param id                  stable identifier, e.g. {@code review}
 * @param title               for officers and applicants
 * @param deadlineWorkingDays working days the organization has for this phase
 * @param role                the role that acts in this phase, e.g. {@code officer}
 */
public record Phase(String id, LocalizedText title, int deadlineWorkingDays, String role) {

    public Phase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        if (deadlineWorkingDays < 0) {
            throw new IllegalArgumentException("deadlineWorkingDays must not be negative");
        }
    }
}
