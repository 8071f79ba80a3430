package org.raekoda.api.eservice;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A text in several languages, keyed by BCP 47 language tag ({@code en}, {@code et}, {@code lv}, {@code sv}).
 * English is the fallback every e-service must provide.
 */
public record LocalizedText(Map<String, String> texts) {

    public static final String FALLBACK = "en";

    public LocalizedText {
        texts = Map.copyOf(Objects.requireNonNull(texts, "texts"));
    }

    public static LocalizedText of(String english) {
        return new LocalizedText(Map.of(FALLBACK, english));
    }

    /** The text in the first of the wanted languages that exists, else English, else any. */
    public String in(List<Locale> wanted) {
        for (Locale locale : wanted) {
            String text = texts.get(locale.getLanguage());
            if (text != null) {
                return text;
            }
        }
        String english = texts.get(FALLBACK);
        return english != null ? english : texts.values().stream().findFirst().orElse("");
    }
}
