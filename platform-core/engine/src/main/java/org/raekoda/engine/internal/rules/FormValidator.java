package org.raekoda.engine.internal.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.engine.internal.json.Json;

/**
 * Checks a form against its e-service's JSON Schema (2020-12) with networknt's validator, and reports
 * each failing field by JSON Pointer, with a message in each of the platform's languages ({@link FormMessages}). Compiled schemas are kept per e-service version: they are
 * derived from immutable bundle content, so every node computes the same ones.
 */
public final class FormValidator {

    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties",
            "unevaluatedProperties", "dependentRequired");

    /** 2020-12, plus our annotation for translated titles and help texts, which validates nothing. */
    private static final JsonMetaSchema META_SCHEMA = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new NonValidationKeyword("x-i18n"))
            .build();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(META_SCHEMA));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(com.networknt.schema.PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();
    private final ConcurrentHashMap<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A schema compiled for validation, and as a tree to find each field's title and limits in. */
    private record Compiled(JsonSchema schema, JsonNode tree) {
    }

    /**
     * @param key    identifies the schema, e.g. {@code excavation@1.0.0}
     * @param prefix JSON Pointer of the form inside the request, e.g. {@code /form}
     */
    public List<FieldError> validate(String key, String schemaJson, JsonNode form, String prefix) {
        Compiled schema = compiled.computeIfAbsent(key,
                k -> new Compiled(factory.getSchema(schemaJson, config), Json.readTree(schemaJson)));
        Set<ValidationMessage> messages = schema.schema().validate(form);
        return messages.stream()
                .map(m -> fieldError(prefix + pointer(m), FormMessages.explain(schema.tree(), m)))
                .distinct()
                .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::message))
                .toList();
    }

    private static FieldError fieldError(String pointer, LocalizedText explanation) {
        return new FieldError(pointer, explanation.in(List.of(Locale.ENGLISH)), explanation);
    }

    public void validateSchema(String schemaJson) {
        factory.getSchema(schemaJson, config);
    }

    /** A missing or unknown property is reported at the property's own pointer, not at its parent. */
    private static String pointer(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        if (PROPERTY_KEYWORDS.contains(message.getType()) && message.getProperty() != null) {
            return (at.equals("/") || at.isEmpty() ? "" : at) + "/" + message.getProperty();
        }
        return at.equals("/") ? "" : at;
    }

    public static JsonNode tree(Object value) {
        return Json.MAPPER.valueToTree(value);
    }
}
