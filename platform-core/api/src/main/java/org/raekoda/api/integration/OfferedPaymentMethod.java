package org.raekoda.api.integration;

import java.util.Objects;

import org.raekoda.api.eservice.LocalizedText;

/** A payment method an organization offers its applicants. */
public record OfferedPaymentMethod(String id, LocalizedText title) {

    public OfferedPaymentMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
