package org.raekoda.api.application;

import java.util.Objects;

import org.raekoda.api.identity.PartyCode;

/**
 * Whom an application is made for when the caller acts for someone else: a company they represent, a person
 * who gave them a mandate, or a person visiting a service centre. {@link #toString()} hides the code.
 *
 * @param kind a person or a company
 * @param code the person's personal identification code or the company's registry code, with its country
 * @param name the name as the caller gives it, or null
 */
public record Principal(Kind kind, PartyCode code, String name) {

    public Principal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    /** What a company principal is called as an applicant: {@code company:EE:12345678} (registry codes are public). */
    public static String companyId(PartyCode company) {
        return "company:" + company.country() + ":" + company.code();
    }

    /** The company a {@link #companyId(PartyCode)} names, or null when the id is not a company's. */
    public static PartyCode companyOf(String applicantId) {
        if (applicantId == null || !applicantId.startsWith("company:")) {
            return null;
        }
        String[] parts = applicantId.split(":", 3);
        try {
            return parts.length == 3 ? new PartyCode(parts[1], parts[2]) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Principal[" + kind + ", " + code + "]";
    }

    /** A natural person or a legal one. */
    public enum Kind {
        PERSON,
        COMPANY
    }
}
