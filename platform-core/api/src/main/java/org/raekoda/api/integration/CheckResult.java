package org.raekoda.api.integration;

import java.time.Instant;
import java.util.Map;

/**
 * One registry check of an application, as officers and the applicant see it.
 *
 * @param check      the name the e-service gave it
 * @param kind       what was asked
 * @param system     the system asked, or null when no installed system could answer
 * @param state      where it stands
 * @param outcome    the registry's outcome once answered, else null
 * @param facts      the facts it gave (what criteria read as {@code registry.<check>.*})
 * @param source     who answered, once answered
 * @param askedAt    when it was first asked
 * @param answeredAt when it was answered, or null
 * @param deadline   when the application goes to an officer if it is still unanswered
 * @param attempts   how many times the system was asked
 * @param lastError  why the last attempt failed, without personal data, or null
 */
public record CheckResult(String check, CheckKind kind, String system, State state, CheckAnswer.Outcome outcome,
        Map<String, Object> facts, String source, Instant askedAt, Instant answeredAt, Instant deadline, int attempts,
        String lastError) {

    public enum State {
        /** Asked, not yet answered; the outbox keeps trying until the deadline. */
        PENDING,
        /** Answered. */
        ANSWERED,
        /** Not answered by its deadline, or no system could answer it: the application went to an officer. */
        UNANSWERED
    }

    public CheckResult {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
