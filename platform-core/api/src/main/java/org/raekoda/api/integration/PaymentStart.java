package org.raekoda.api.integration;

import java.util.Map;
import java.util.Objects;

/**
 * What the payer's browser does to pay: send these fields to the operator, as an HTML form does.
 *
 * @param httpMethod {@code POST} or {@code GET}
 * @param action     the operator's address
 * @param fields     the form fields, in the order the operator documents them
 */
public record PaymentStart(String httpMethod, String action, Map<String, String> fields) {

    public PaymentStart {
        Objects.requireNonNull(httpMethod, "httpMethod");
        Objects.requireNonNull(action, "action");
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
