package org.raekoda.engine.internal.eservice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;

/**
 * Reads an e-service definition file. The form schema and UI hints may be inline JSON objects
 * ({@code formSchema}, {@code uiHints}) or files beside the definition ({@code formSchemaFile},
 * {@code uiHintsFile}). A definition whose schema or criteria do not compile is refused whole.
 */
public final class DefinitionReader {

    private final FormValidator validator = new FormValidator();
    private final RuleEngine rules = new RuleEngine();

    /**
     * @param definition the definition file's content
     * @param sibling    finds a file beside the definition by relative path, or null when there is none
     */
    public EServiceDefinition read(InputStream definition, Function<String, URL> sibling) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(definition);
        if (!(tree instanceof ObjectNode)) {
            throw new IOException("an e-service definition is a JSON object");
        }
        ObjectNode object = (ObjectNode) tree;
        inline(object, "formSchema", sibling);
        inline(object, "uiHints", sibling);
        EServiceDefinition parsed = Json.MAPPER.treeToValue(object, EServiceDefinition.class);
        check(parsed);
        return parsed;
    }

    /** Reads a definition back from the JSON the platform stored (schema and hints already inline as text). */
    public static EServiceDefinition fromStored(String json) {
        return Json.read(json, EServiceDefinition.class);
    }

    private void check(EServiceDefinition definition) throws IOException {
        try {
            validator.validateSchema(definition.formSchema());
        } catch (RuntimeException e) {
            throw new IOException("form schema of " + definition.id() + " does not compile: " + e.getMessage(), e);
        }
        var problems = rules.problems(definition.criteria(), "/criteria");
        if (!problems.isEmpty()) {
            throw new IOException("criteria of " + definition.id() + ": " + problems.stream()
                    .map(problem -> problem.pointer() + " " + problem.message()).collect(Collectors.joining("; ")));
        }
        String feeProblem = rules.feeProblem(definition.fee().amount());
        if (feeProblem != null) {
            throw new IOException("fee of " + definition.id() + ": /fee/amount " + feeProblem);
        }
        var occupancy = definition.occupancy();
        if (occupancy != null) {
            for (String expression : new String[] {occupancy.from(), occupancy.until(), occupancy.days()}) {
                String problem = expression == null ? null : rules.problemWith(expression);
                if (problem != null) {
                    throw new IOException("occupancy of " + definition.id() + ": " + problem);
                }
            }
            if (definition.location().geometry() == null) {
                throw new IOException("occupancy of " + definition.id() + " needs a location in the definition");
            }
        }
    }

    private static void inline(ObjectNode object, String field, Function<String, URL> sibling) throws IOException {
        JsonNode inline = object.get(field);
        if (inline != null && inline.isObject()) {
            object.put(field, Json.MAPPER.writeValueAsString(inline));
        }
        JsonNode file = object.remove(field + "File");
        if (file != null) {
            URL url = sibling.apply(file.asText());
            if (url == null) {
                throw new IOException(field + "File " + file.asText() + " not found beside the definition");
            }
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Json.MAPPER.readTree(text);
                object.put(field, text);
            }
        }
    }
}
