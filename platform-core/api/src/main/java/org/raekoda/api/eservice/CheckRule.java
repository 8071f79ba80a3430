package org.raekoda.api.eservice;

import java.util.Map;
import java.util.Objects;

import org.raekoda.api.integration.CheckKind;

/**
 * A registry check an e-service needs before it can decide: the application waits in CHECKING until the check is
 * answered (or its deadline passes), and criteria read the answer as {@code registry.<name>.*}.
 *
 * @param name       the name criteria use; lowercase letters, digits and dashes
 * @param kind       what is asked
 * @param arguments  argument name → JSON Pointer into the application ({@code /form/companyCode},
 *                   {@code /applicant/code} for the applicant's own personal or registry code). Arguments by kind:
 *                   PERSON {@code code}; COMPANY {@code code}; REPRESENTATION {@code company}, {@code person};
 *                   PROPERTY {@code parcel}; CEMETERY_PLOT {@code cemetery}, {@code plot}
 * @param legalBasis the legal basis of the query, sent to registries that ask for one
 */
public record CheckRule(String name, CheckKind kind, Map<String, String> arguments, String legalBasis) {

    public CheckRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("check name must be lowercase letters, digits and dashes: " + name);
        }
        arguments = Map.copyOf(arguments == null ? Map.of() : arguments);
        legalBasis = legalBasis == null ? "" : legalBasis;
    }
}
