package org.raekoda.api.application;

import java.util.Map;

/**
 * The outcome of one criterion for one application: what was looked at, against what, and why.
 *
 * @param criterion  the criterion's id
 * @param title      what it checks, by language
 * @param value      the value seen in the application (null when it could not be read)
 * @param limit      the limit it was compared with
 * @param passed     whether the criterion is met
 * @param note       why it could not be evaluated, or empty
 * @param legalBasis the rule it comes from, by language
 */
public record CriterionResult(String criterion, Map<String, String> title, Object value, Object limit,
        boolean passed, String note, Map<String, String> legalBasis) {
}
