package org.raekoda.api.map;

import java.util.Map;

/**
 * One criterion of the decision, as the public may read it: what it checks, whether it was met and the rule it
 * comes from. The value read from the application is left out, because it comes from the applicant's form.
 *
 * @param criterion  the criterion's id
 * @param title      what it checks, by language
 * @param passed     whether it was met
 * @param legalBasis the rule it comes from, by language (empty when the definition names none)
 */
public record PublicCriterion(String criterion, Map<String, String> title, boolean passed,
        Map<String, String> legalBasis) {

    public PublicCriterion {
        title = Map.copyOf(title);
        legalBasis = legalBasis == null ? Map.of() : Map.copyOf(legalBasis);
    }
}
