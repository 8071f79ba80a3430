package org.raekoda.store.spi;

import java.time.Instant;

/**
 * One registry check of an application.
 *
 * @param id            row id
 * @param applicationId the application
 * @param check         the name the e-service gave the check
 * @param kind          {@code CheckKind} name
 * @param system        the system asked, or null when none could answer
 * @param state         PENDING, ANSWERED or UNANSWERED
 * @param outcome       {@code CheckAnswer.Outcome} name once answered
 * @param factsJson     the answer's facts as a JSON object, or null
 * @param source        who answered, or null
 * @param messageId     the outbox message that asks it
 * @param askedAt       when it was written
 * @param answeredAt    when it was answered, or null
 * @param deadline      when the application goes to an officer if it is still unanswered
 */
public record CheckRow(String id, String applicationId, String check, String kind, String system, String state,
        String outcome, String factsJson, String source, String messageId, Instant askedAt, Instant answeredAt,
        Instant deadline) {

    public static final String PENDING = "PENDING";
    public static final String ANSWERED = "ANSWERED";
    public static final String UNANSWERED = "UNANSWERED";
}
