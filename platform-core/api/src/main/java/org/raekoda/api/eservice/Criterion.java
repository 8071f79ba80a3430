package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * One condition for automatic issuance, written as data so that a municipality can read and change it.
 *
 * <p>{@code value} is an expression that picks the fact to look at (for example {@code form.depthMetres}
 * or {@code location.inProtectedArea}); {@code test} is a boolean expression over {@code value} and
 * {@code limit} (for example {@code value <= limit}). Both are Apache Commons JEXL expressions,
 * evaluated in a sandbox that allows no object creation, no class access and no side effects.
 *
 * @param id         stable identifier, unique in its e-service
 * @param title      what the criterion checks, for the applicant
 * @param value      expression for the fact that is checked
 * @param test       boolean expression over {@code value} and {@code limit}
 * @param limit      the municipality's limit; a number, string, boolean or list, or null when the test needs none
 * @param legalBasis the rule or regulation the criterion comes from
 */
public record Criterion(String id, LocalizedText title, String value, String test, Object limit,
        LocalizedText legalBasis) {

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(test, "test");
        legalBasis = legalBasis == null ? LocalizedText.of("") : legalBasis;
    }

    /** The same criterion with another limit: what a municipality's override changes most often. */
    public Criterion withLimit(Object newLimit) {
        return new Criterion(id, title, value, test, newLimit, legalBasis);
    }
}
