package org.raekoda.ogc.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of the service, independent of JAX-RS so that the service can be tested by calling it.
 *
 * @param status    the HTTP status
 * @param mediaType the Content-Type
 * @param body      the body
 * @param headers   further headers (Content-Crs, Content-Language)
 */
record Answer(int status, String mediaType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html;charset=UTF-8";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String PROBLEM = "application/problem+json";

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer ok(String mediaType, byte[] body, String language) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Language", language);
        return new Answer(200, mediaType, body, headers);
    }

    Answer with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Answer(status, mediaType, body, more);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
