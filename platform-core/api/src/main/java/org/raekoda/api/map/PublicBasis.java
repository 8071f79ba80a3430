package org.raekoda.api.map;

import java.time.Instant;
import java.util.List;

/**
 * Why a permit stands (or was revoked): who decided, when, and for the rules' decisions every criterion. An
 * officer's reason is not public, because officers write free text that may name persons.
 *
 * @param decidedBy {@code rules} when the platform issued the permit automatically, {@code officer} otherwise
 * @param decidedAt when the decision that made the permit what it is today was taken
 * @param criteria  the criteria the rules checked, empty for an officer's decision without an evaluation
 */
public record PublicBasis(String decidedBy, Instant decidedAt, List<PublicCriterion> criteria) {

    public static final String RULES = "rules";
    public static final String OFFICER = "officer";

    public PublicBasis {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
