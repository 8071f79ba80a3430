package org.raekoda.api.application;

import java.util.Map;

import org.raekoda.api.eservice.LocalizedText;

/**
 * What an organization changes of an e-service it offers, besides its criteria. Every field is optional:
 * null keeps the e-service's own.
 *
 * @param fee         the fee's amount expression, e.g. {@code "15"} or {@code "10 + form.durationDays"}
 * @param deadlines   working days per workflow phase id, e.g. {@code {"review": 5}}
 * @param title       the e-service's name as this organization shows it
 * @param description its description as this organization shows it
 */
public record LocalSettings(String fee, Map<String, Integer> deadlines, LocalizedText title, LocalizedText description) {

    public static final LocalSettings NONE = new LocalSettings(null, Map.of(), null, null);

    public LocalSettings {
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }
}
