package org.raekoda.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulator of one external system. Subclasses answer {@link #answer(SimulatedRequest)} in the system's protocol
 * and {@link #countDelivery(String)} what they accept, by the idempotency key the protocol carries (X-Road-Id, a
 * RegiX ServiceURI, an invoice), so that a test can read how many times each key arrived.
 * <p>
 * Below {@code /_control/} every simulator answers its controls, for tests in other processes and for developers:
 * {@code POST /_control/mode?mode=SLOW&delayMillis=3000}, {@code GET /_control/counts},
 * {@code POST /_control/reset}. The counts live in this process only: they are a test instrument, not state of the
 * platform.
 */
public abstract class Simulator {

    private final String system;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final AtomicLong delayMillis = new AtomicLong(2_000);
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    protected Simulator(String system) {
        this.system = system;
    }

    /** The system simulated, as its integration names it, e.g. {@code ee-xroad}. */
    public final String system() {
        return system;
    }

    /** The real system's answer to a request, in its protocol. Called in NORMAL, SLOW and FAIL modes. */
    protected abstract SimulatedResponse answer(SimulatedRequest request) throws Exception;

    /** Counts one accepted delivery of {@code key}. */
    protected final void countDelivery(String key) {
        deliveries.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    public final Mode mode() {
        return mode.get();
    }

    public void mode(Mode newMode) {
        mode.set(newMode);
    }

    public final Duration delay() {
        return Duration.ofMillis(delayMillis.get());
    }

    public final void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    /** How many times each key was delivered, sorted by key. */
    public final Map<String, Long> deliveries() {
        Map<String, Long> copy = new TreeMap<>();
        deliveries.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** Requests received, control requests excluded. */
    public final long requests() {
        return requests.get();
    }

    public void reset() {
        deliveries.clear();
        requests.set(0);
        mode.set(Mode.NORMAL);
    }

    /** Handles one request: the controls, or the mode's behaviour around {@link #answer}. */
    public final SimulatedResponse handle(SimulatedRequest request) {
        if (request.path().startsWith("/_control/")) {
            return control(request);
        }
        requests.incrementAndGet();
        Mode now = mode.get();
        if (now == Mode.DOWN) {
            return new SimulatedResponse(503, Map.of(), new byte[0]);
        }
        if (now == Mode.SLOW) {
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            return answer(request);
        } catch (Exception e) {
            return SimulatedResponse.of(500, "text/plain", "simulator fault: " + e.getClass().getSimpleName());
        }
    }

    private SimulatedResponse control(SimulatedRequest request) {
        Map<String, String> query = Forms.parse(request.query());
        switch (request.path()) {
            case "/_control/mode":
                if ("POST".equals(request.method())) {
                    try {
                        if (query.containsKey("delayMillis")) {
                            delay(Duration.ofMillis(Long.parseLong(query.get("delayMillis"))));
                        }
                        if (query.containsKey("mode")) {
                            mode(Mode.valueOf(query.get("mode")));
                        }
                    } catch (IllegalArgumentException e) {
                        return SimulatedResponse.of(400, "text/plain", "mode is NORMAL, SLOW, FAIL or DOWN;"
                                + " delayMillis a number");
                    }
                }
                return SimulatedResponse.of(200, "application/json",
                        "{\"mode\":\"" + mode.get() + "\",\"delayMillis\":" + delayMillis.get() + "}");
            case "/_control/counts":
                StringBuilder json = new StringBuilder("{\"requests\":").append(requests.get()).append(",\"deliveries\":{");
                String separator = "";
                for (Map.Entry<String, Long> entry : deliveries().entrySet()) {
                    json.append(separator).append('"').append(Forms.jsonEscape(entry.getKey())).append("\":")
                            .append(entry.getValue());
                    separator = ",";
                }
                return SimulatedResponse.of(200, "application/json", json.append("}}").toString());
            case "/_control/reset":
                reset();
                return new SimulatedResponse(204, Map.of(), new byte[0]);
            default:
                return SimulatedResponse.of(404, "text/plain", "no such control");
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
