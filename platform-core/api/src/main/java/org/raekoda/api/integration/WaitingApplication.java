package org.raekoda.api.integration;

import java.time.Duration;
import java.time.Instant;

/**
 * An application waiting on an external system or on its applicant's payment.
 *
 * @param applicationId the application
 * @param organization  its organization
 * @param service       its e-service
 * @param state         CHECKING or AWAITING_PAYMENT
 * @param since         when it entered that state
 * @param age           how long it has waited
 * @param waitingFor    the systems it waits for (registries still unanswered), or {@code payment}
 * @param deadline      when it goes to an officer (CHECKING) or lapses (AWAITING_PAYMENT)
 */
public record WaitingApplication(String applicationId, String organization, String service, String state,
        Instant since, Duration age, java.util.List<String> waitingFor, Instant deadline) {
}
