package org.raekoda.api.integration;

import java.time.Instant;
import java.util.Objects;

import org.raekoda.api.application.ApplicationState;

/**
 * An application changed state: what other systems (an archive, a document exchange, a municipality's own tools)
 * are told, as a CloudEvent of type {@link #TYPE}. It carries no personal data: who applied and the form stay in
 * the platform, to be read through the API by those allowed to.
 *
 * @param id            unique and stable across every retry: the CloudEvent id and the webhook-id
 * @param applicationId the application
 * @param organization  the organization handling it
 * @param service       the e-service id
 * @param from          the state before, or null for a new application
 * @param to            the state after
 * @param at            when it changed
 */
public record StatusEvent(String id, String applicationId, String organization, String service,
        ApplicationState from, ApplicationState to, Instant at) {

    public static final String TYPE = "org.raekoda.application.status-changed";

    public StatusEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
