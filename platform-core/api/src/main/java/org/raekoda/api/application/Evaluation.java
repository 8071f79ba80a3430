package org.raekoda.api.application;

import java.util.List;
import java.util.Map;

/**
 * What the criteria said about one application, with everything needed to explain it later.
 *
 * @param verdict     ISSUE when every criterion passed
 * @param rulesetHash SHA-256 of the criteria that were applied (the rule set's version)
 * @param results     one per criterion, in the rule set's order
 * @param inputs      snapshot of the facts the rules saw ({@code form}, {@code location}, {@code registry})
 */
public record Evaluation(Verdict verdict, String rulesetHash, List<CriterionResult> results,
        Map<String, Object> inputs) {

    public Evaluation {
        results = List.copyOf(results);
    }

    public List<CriterionResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }
}
