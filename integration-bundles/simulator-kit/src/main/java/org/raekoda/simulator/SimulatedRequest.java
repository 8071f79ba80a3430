package org.raekoda.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as a simulator sees it, whichever server carried it.
 *
 * @param method  HTTP method, upper case
 * @param path    the path below the simulator's own root, beginning with {@code /}
 * @param query   the raw query string, or null
 * @param headers header values by lower-case name
 * @param body    the body's bytes
 */
public record SimulatedRequest(String method, String path, String query, Map<String, List<String>> headers,
        byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
