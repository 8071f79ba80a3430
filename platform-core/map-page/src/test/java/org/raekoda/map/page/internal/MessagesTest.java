package org.raekoda.map.page.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every text of the page in each of its four languages, with the same placeholders, and every key it uses. */
class MessagesTest {

    private static final List<String> LANGUAGES = List.of("en", "et", "lv", "sv");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    @Test
    void eachLanguageHasEveryTextWithTheSamePlaceholders() throws Exception {
        JsonNode messages = read("/map-page/messages.json");
        assertEquals(Set.copyOf(LANGUAGES), names(messages));
        Set<String> keys = names(messages.path("en"));
        List<String> wrong = new ArrayList<>();
        for (String language : LANGUAGES) {
            JsonNode texts = messages.path(language);
            if (!names(texts).equals(keys)) {
                wrong.add(language + " has keys " + names(texts) + ", English " + keys);
            }
            for (String key : keys) {
                String text = texts.path(key).asText();
                if (text.isBlank()) {
                    wrong.add(language + "." + key + " is empty");
                } else if (!placeholders(text).equals(placeholders(messages.path("en").path(key).asText()))) {
                    wrong.add(language + "." + key + " has other placeholders than English");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyKeyThePageUsesExists() throws Exception {
        Set<String> keys = names(read("/map-page/messages.json").path("en"));
        Set<String> used = new TreeSet<>();
        String page = text("/map-page/index.html");
        collect(Pattern.compile("data-i18n(?:-label)?=\"([\\w]+)\""), page, used);
        String script = text("/map-page/app.js");
        collect(Pattern.compile("\\bt\\('(\\w+)'"), script, used);
        used.removeIf(key -> key.equals("status_"));
        used.removeAll(keys);
        assertEquals(Set.of(), used, "keys without a text");
        for (String status : List.of("issued", "expired", "revoked")) {
            assertTrue(keys.contains("status_" + status), status);
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        collect(PLACEHOLDER, text, names);
        return names;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String text(String resource) throws Exception {
        try (InputStream in = MessagesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
