package org.raekoda.api.integration;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A national system's answer to a registry check. Criteria read its facts as {@code registry.<check>.*}, and
 * {@code registry.<check>.found}; officers see them with the source.
 *
 * @param outcome what the registry said
 * @param facts   facts by name: strings, numbers, booleans, lists or maps; never personal codes of third persons
 * @param source  which system and service answered, for the officer and the audit, e.g.
 *                {@code RegiX TR GetValidUICInfo} or {@code X-Road EE/GOV/70000310/arireg/company}
 * @param asOf    when the registry's data was valid, as it says, or when it answered
 */
public record CheckAnswer(Outcome outcome, Map<String, Object> facts, String source, Instant asOf) {

    /** What the registry said. */
    public enum Outcome {
        /** The subject exists; the facts describe it. */
        FOUND,
        /** The registry answered that it has no such subject. */
        NOT_FOUND,
        /** The registry refused the question as malformed (a code that cannot be a code): retrying will not help. */
        INVALID_ARGUMENT
    }

    public CheckAnswer {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
