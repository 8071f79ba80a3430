package org.raekoda.api.integration;

/** What a registry check asks about. */
public enum CheckKind {
    /** A person in the population register: alive, resident where, of age. */
    PERSON,
    /** A company or organization in the business register: exists, active, legal form. */
    COMPANY,
    /** Whether a person may represent a company (board member, procurator), from the business register. */
    REPRESENTATION,
    /** A property or land parcel in the land register or cadastre: owner, purpose of use. */
    PROPERTY,
    /** A plot in a cemetery register: exists, free, held by whom. */
    CEMETERY_PLOT
}
