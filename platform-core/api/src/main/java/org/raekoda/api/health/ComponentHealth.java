package org.raekoda.api.health;

import java.util.Map;
import java.util.Objects;

/**
 * What one part of the platform says about itself.
 *
 * @param name    stable machine name of the part, for example {@code database}
 * @param status  whether it works
 * @param detail  a short human-readable explanation; when DOWN, the reason. Never personal data or secrets.
 * @param facts   further facts worth showing an operator (product, version, counts); values are strings,
 *                numbers or booleans
 */
public record ComponentHealth(String name, HealthStatus status, String detail, Map<String, Object> facts) {

    public ComponentHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static ComponentHealth up(String name, String detail, Map<String, Object> facts) {
        return new ComponentHealth(name, HealthStatus.UP, detail, facts);
    }

    public static ComponentHealth down(String name, String reason) {
        return new ComponentHealth(name, HealthStatus.DOWN, reason, Map.of());
    }

    public boolean isUp() {
        return status == HealthStatus.UP;
    }
}
