package org.raekoda.api.registry;

import java.util.Objects;

import org.raekoda.api.identity.PartyCode;

/**
 * A company a person may act for, as a register of companies says.
 *
 * @param company the company's country and registry code
 * @param name    its name as the register writes it, or null
 */
public record RepresentedCompany(PartyCode company, String name) {

    public RepresentedCompany {
        Objects.requireNonNull(company, "company");
    }
}
