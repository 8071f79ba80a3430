package org.raekoda.api.application;

import java.util.Map;

/**
 * A new application as the applicant sends it.
 *
 * @param organization   the municipality or agency it is addressed to
 * @param service        e-service id
 * @param form           the form's fields, checked against the e-service's JSON Schema
 * @param location       GeoJSON geometry, when the e-service asks for one
 * @param idempotencyKey the client's key: the same key from the same applicant returns the same application
 * @param onBehalfOf     whom the caller applies for (a company they represent, a person who gave them a mandate, a
 *                       visitor at a service centre), or null when they apply for themselves
 */
public record Submission(String organization, String service, Map<String, Object> form, Map<String, Object> location,
        String idempotencyKey, Principal onBehalfOf) {

    /** A submission the caller makes for themselves. */
    public Submission(String organization, String service, Map<String, Object> form, Map<String, Object> location,
            String idempotencyKey) {
        this(organization, service, form, location, idempotencyKey, null);
    }
}
