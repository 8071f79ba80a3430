package org.raekoda.api.integration;

import java.util.Map;

/**
 * The outbox at a glance, for /health and {@code raekoda:routes}.
 *
 * @param pending  messages waiting for delivery, by system
 * @param inFlight messages being delivered now, by system
 * @param dead     messages that exhausted their retries, by system
 */
public record OutboxFigures(Map<String, Long> pending, Map<String, Long> inFlight, Map<String, Long> dead) {

    public OutboxFigures {
        pending = Map.copyOf(pending);
        inFlight = Map.copyOf(inFlight);
        dead = Map.copyOf(dead);
    }
}
