package org.raekoda.api.integration;

import java.util.Map;
import java.util.Objects;

/**
 * One registry check of one application, as the outbox delivers it.
 *
 * @param requestId     stable for this check across every retry and every node: the idempotency key to send to the
 *                      national system where its protocol has one (X-Road's {@code X-Road-Id}, RegiX's
 *                      {@code ServiceURI}), so that a retry after a lost answer asks the same question again
 * @param applicationId the application, for the national system's log of why it was asked (X-Road-Issue,
 *                      RegiX CallContext)
 * @param organization  the organization handling the application
 * @param service       the e-service id
 * @param check         the name the e-service gave the check; its facts are {@code registry.<check>.*}
 * @param kind          what is asked
 * @param arguments     the values the e-service's {@code CheckRule} took from the application (a registry code,
 *                      a personal code, a parcel number), by argument name; personal codes among them must never
 *                      be logged
 * @param legalBasis    the legal basis of the query, as the e-service declares it; some registries require one
 */
public record CheckRequest(String requestId, String applicationId, String organization, String service, String check,
        CheckKind kind, Map<String, String> arguments, String legalBasis) {

    public CheckRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(kind, "kind");
        arguments = Map.copyOf(arguments == null ? Map.of() : arguments);
        legalBasis = legalBasis == null ? "" : legalBasis;
    }

    /** Never prints the arguments: they may hold personal codes. */
    @Override
    public String toString() {
        return "CheckRequest[" + requestId + ", " + check + " (" + kind + ") of application " + applicationId + "]";
    }
}
