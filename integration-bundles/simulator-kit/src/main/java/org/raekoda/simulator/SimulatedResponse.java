package org.raekoda.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulator's answer. */
public record SimulatedResponse(int status, Map<String, String> headers, byte[] body) {

    public static SimulatedResponse of(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new SimulatedResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public SimulatedResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimulatedResponse(status, more, body);
    }
}
