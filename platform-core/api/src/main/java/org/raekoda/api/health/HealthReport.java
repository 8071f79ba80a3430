package org.raekoda.api.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one node at one moment: UP only when every component is UP.
 *
 * @param status     overall status
 * @param checkedAt  when the checks ran
 * @param components each component's answer, in a stable order
 */
public record HealthReport(HealthStatus status, Instant checkedAt, List<ComponentHealth> components) {

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        components = List.copyOf(components);
    }

    /** Builds a report whose overall status follows from its components. */
    public static HealthReport of(Instant checkedAt, List<ComponentHealth> components) {
        boolean allUp = !components.isEmpty() && components.stream().allMatch(ComponentHealth::isUp);
        return new HealthReport(allUp ? HealthStatus.UP : HealthStatus.DOWN, checkedAt, components);
    }

    public boolean isUp() {
        return status == HealthStatus.UP;
    }

    public Optional<ComponentHealth> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
