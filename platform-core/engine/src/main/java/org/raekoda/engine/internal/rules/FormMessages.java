package org.raekoda.engine.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

import org.raekoda.api.eservice.LocalizedText;

/**
 * What a failed form check means for the person filling in the form, in each of the platform's languages:
 * the field named by its title in the form's schema (translated by {@code x-i18n}), and what is expected,
 * with the limit read from the schema itself ("Greatest depth (m) must be at most 30"). The validator's own
 * wording is never shown: it names keywords and paths, not fields.
 */
final class FormMessages {

    static final List<String> LANGUAGES = List.of("en", "et", "lv", "sv");

    /** Per keyword, per language: the expectation; {0} is the field's title, {1} the limit from the schema. */
    private static final Map<String, Map<String, String>> EXPECTATIONS = Map.ofEntries(
            entry("required", "{0} is required", "{0} on kohustuslik", "{0} ir obligāts", "{0} måste anges"),
            entry("maximum", "{0} must be at most {1}", "{0} peab olema kõige rohkem {1}",
                    "{0} nedrīkst pārsniegt {1}", "{0} får vara högst {1}"),
            entry("exclusiveMaximum", "{0} must be less than {1}", "{0} peab olema väiksem kui {1}",
                    "{0} jābūt mazākam par {1}", "{0} måste vara mindre än {1}"),
            entry("minimum", "{0} must be at least {1}", "{0} peab olema vähemalt {1}", "{0} jābūt vismaz {1}",
                    "{0} måste vara minst {1}"),
            entry("exclusiveMinimum", "{0} must be greater than {1}", "{0} peab olema suurem kui {1}",
                    "{0} jābūt lielākam par {1}", "{0} måste vara större än {1}"),
            entry("maxLength", "{0} must be at most {1} characters long", "{0} võib olla kõige rohkem {1} märki",
                    "{0} drīkst būt ne garāks par {1} rakstzīmēm", "{0} får vara högst {1} tecken"),
            entry("minLength", "{0} must be at least {1} characters long", "{0} peab olema vähemalt {1} märki",
                    "{0} jābūt vismaz {1} rakstzīmes garam", "{0} måste vara minst {1} tecken"),
            entry("maxItems", "{0} may have at most {1} entries", "{0} võib sisaldada kõige rohkem {1} kirjet",
                    "{0} drīkst būt ne vairāk kā {1} ieraksti", "{0} får ha högst {1} poster"),
            entry("minItems", "{0} needs at least {1} entries", "{0} peab sisaldama vähemalt {1} kirjet",
                    "{0} jābūt vismaz {1} ierakstiem", "{0} måste ha minst {1} poster"),
            entry("enum", "{0} must be one of: {1}", "{0} peab olema üks järgmistest: {1}",
                    "{0} jābūt vienai no vērtībām: {1}", "{0} måste vara ett av: {1}"),
            entry("const", "{0} must be {1}", "{0} peab olema {1}", "{0} jābūt {1}", "{0} måste vara {1}"),
            entry("type", "{0} must be {1}", "{0} peab olema {1}", "{0} jābūt {1}", "{0} måste vara {1}"),
            entry("format", "{0} must be {1}", "{0} peab olema {1}", "{0} jābūt {1}", "{0} måste vara {1}"),
            entry("pattern", "{0} is not in the expected form", "{0} ei ole oodatud kujul",
                    "{0} nav gaidītajā formātā", "{0} har inte den väntade formen"),
            entry("additionalProperties", "{0} is not a field of this form", "{0} ei ole selle vormi väli",
                    "{0} nav šīs veidlapas lauks", "{0} är inte ett fält i detta formulär"),
            entry("unevaluatedProperties", "{0} is not a field of this form", "{0} ei ole selle vormi väli",
                    "{0} nav šīs veidlapas lauks", "{0} är inte ett fält i detta formulär"),
            entry("", "{0} is not valid", "{0} ei ole korrektne", "{0} nav derīgs", "{0} är inte giltigt"));

    /** JSON Schema types and formats in words. */
    private static final Map<String, Map<String, String>> WORDS = Map.ofEntries(
            entry("number", "a number", "arv", "skaitlim", "ett tal"),
            entry("integer", "a whole number", "täisarv", "veselam skaitlim", "ett heltal"),
            entry("string", "a text", "tekst", "tekstam", "en text"),
            entry("boolean", "yes or no", "jah või ei", "jā vai nē", "ja eller nej"),
            entry("object", "a group of fields", "väljade rühm", "lauku grupai", "en grupp av fält"),
            entry("array", "a list", "loend", "sarakstam", "en lista"),
            entry("date", "a date (YYYY-MM-DD)", "kuupäev (AAAA-KK-PP)", "datumam (GGGG-MM-DD)",
                    "ett datum (ÅÅÅÅ-MM-DD)"),
            entry("date-time", "a date and time (YYYY-MM-DDThh:mm:ssZ)", "kuupäev ja kellaaeg (AAAA-KK-PPThh:mm:ssZ)",
                    "datumam un laikam (GGGG-MM-DDThh:mm:ssZ)", "ett datum och en tid (ÅÅÅÅ-MM-DDThh:mm:ssZ)"),
            entry("time", "a time of day (hh:mm:ss)", "kellaaeg (hh:mm:ss)", "laikam (hh:mm:ss)",
                    "en tid (hh:mm:ss)"),
            entry("email", "an e-mail address", "e-posti aadress", "e-pasta adresei", "en e-postadress"),
            entry("uri", "a web address", "veebiaadress", "tīmekļa adresei", "en webbadress"));

    /** The field's name when the schema gives it no title: "this field". */
    private static final Map<String, String> UNTITLED = Map.of("en", "This field", "et", "See väli", "lv",
            "Šis lauks", "sv", "Detta fält");

    private FormMessages() {
    }

    /**
     * @param schema  the form's schema, parsed
     * @param message what the validator found
     */
    static LocalizedText explain(JsonNode schema, ValidationMessage message) {
        String keyword = message.getType();
        JsonNode keywordParent = parentOfKeyword(schema, message);
        JsonNode field = "required".equals(keyword) && message.getProperty() != null
                ? keywordParent.path("properties").path(message.getProperty())
                : keywordParent;
        Map<String, String> expectation = EXPECTATIONS.getOrDefault(keyword, EXPECTATIONS.get(""));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String title = title(field, language);
            if (title == null && message.getProperty() != null) {
                title = message.getProperty();
            }
            texts.put(language, expectation.get(language)
                    .replace("{0}", title == null ? UNTITLED.get(language) : "\u201c" + title + "\u201d")
                    .replace("{1}", limit(keyword, keywordParent, language)));
        }
        return new LocalizedText(texts);
    }

    /** The field's title in the language, from {@code x-i18n}, else its English {@code title}, else null. */
    private static String title(JsonNode field, String language) {
        JsonNode translated = field.path("x-i18n").path(language).path("title");
        if (translated.isTextual()) {
            return translated.asText();
        }
        return field.path("title").isTextual() ? field.path("title").asText() : null;
    }

    private static String limit(String keyword, JsonNode schema, String language) {
        JsonNode value = schema.path(keyword);
        return switch (keyword) {
            case "enum" -> {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
                yield String.join(", ", values);
            }
            case "type" -> WORDS.getOrDefault(value.asText(), Map.of()).getOrDefault(language, value.asText());
            case "format" -> WORDS.getOrDefault(value.asText(), Map.of()).getOrDefault(language, value.asText());
            default -> value.isMissingNode() ? "" : value.isTextual() ? value.asText() : value.toString();
        };
    }

    /**
     * The schema object that holds the failing keyword, found by the keyword's location in the schema
     * ({@code #/properties/depthMetres/maximum} gives the {@code depthMetres} schema).
     */
    private static JsonNode parentOfKeyword(JsonNode schema, ValidationMessage message) {
        String fragment = message.getSchemaLocation() == null ? null
                : message.getSchemaLocation().getFragment() == null ? null
                        : message.getSchemaLocation().getFragment().toString();
        if (fragment == null || fragment.isEmpty() || "#".equals(fragment)) {
            return schema;
        }
        String pointer = fragment.startsWith("#") ? fragment.substring(1) : fragment;
        int last = pointer.lastIndexOf('/');
        if (last < 0) {
            return schema;
        }
        JsonNode parent = schema.at(pointer.substring(0, last));
        return parent.isMissingNode() ? schema : parent;
    }

    private static Map.Entry<String, Map<String, String>> entry(String key, String en, String et, String lv,
            String sv) {
        return Map.entry(key, Map.of("en", en, "et", et, "lv", lv, "sv", sv));
    }
}
