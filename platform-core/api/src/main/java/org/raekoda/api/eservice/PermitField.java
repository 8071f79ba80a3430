package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * One field printed on the permit document.
 *
 * @param id    field name on the document
 * @param title label in several languages
 * @param value JEXL expression over {@code form} and {@code application}, e.g. {@code form.address}
 */
public record PermitField(String id, LocalizedText title, String value) {

    public PermitField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }
}
