package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * The OpenAPI document as the resources and {@link ApiDocument} declare it, read without a server: every
 * operation answers with statuses, not a {@code default}; refusals are problem+json; protected operations
 * carry the security schemes and 401/403, operations that take a body 400 and 413; every reference resolves.
 * ContractIT checks the same document against the running node.
 */
class ApiDocumentTest {

    /** What anyone may call: a new public operation must be added here, on purpose. */
    private static final Set<String> PUBLIC = Set.of("GET /v1/health", "GET /v1/services", "GET /v1/services/{id}",
            "GET /v1/municipalities/{m}/zones", "GET /v1/municipalities/{m}/zones/{layer}",
            "GET /v1/auth/providers", "GET /v1/auth/{provider}/login",
            "GET /v1/auth/callback");

    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        OpenAPI openApi = new Reader(new SwaggerConfiguration()).read(new LinkedHashSet<>(RestServer.RESOURCES));
        new ApiDocument(AccessRules.of(RestServer.RESOURCES)).customize(openApi);
        document = Json.mapper().readTree(Json.mapper().writeValueAsString(openApi));
    }

    @Test
    void everyOperationDeclaresItsStatusesAndWhoMayCallIt() {
        List<String> wrong = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String operation = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            JsonNode responses = method.getValue().path("responses");
            boolean secured = method.getValue().path("security").size() == 3;
            boolean answers = false;
            for (String status : List.of("200", "201", "202", "204", "302", "303")) {
                answers |= responses.has(status);
            }
            if (responses.has("default") || !answers) {
                wrong.add(operation + ": no success status, or a default response");
            }
            JsonNode access = method.getValue().path(ApiDocument.ACCESS_EXTENSION).path("rule");
            boolean isPublic = "PUBLIC".equals(access.asText());
            if (access.isMissingNode()) {
                wrong.add(operation + ": no access rule");
            }
            if (secured == isPublic) {
                wrong.add(operation + (secured ? ": public but secured" : ": not secured"));
            }
            if (isPublic != PUBLIC.contains(operation)) {
                wrong.add(operation + ": public operations are " + PUBLIC + "; this one's rule is " + access);
            }
            if (secured && !(responses.has("401") && responses.has("403"))) {
                wrong.add(operation + ": secured without 401 and 403");
            }
            if (method.getValue().has("requestBody") && !(responses.has("400") && responses.has("413"))) {
                wrong.add(operation + ": takes a body without 400 and 413");
            }
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") && !response.getValue().path("$ref").asText()
                        .startsWith("#/components/responses/")) {
                    wrong.add(operation + " " + response.getKey() + ": not a shared problem response");
                }
            });
        }));
        assertEquals(List.of(), wrong);
        assertFalse(document.at("/paths/~1v1~1applications/post/responses/422").isMissingNode(),
                "a submission declares the 422 of a reused Idempotency-Key");
    }

    @Test
    void refusalsAreProblemDetailsWithFieldErrorsAndAllowedStates() {
        document.path("components").path("responses").forEach(response -> assertEquals("#/components/schemas/Problem",
                response.path("content").path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText()));
        JsonNode problem = schema("Problem");
        assertEquals("#/components/schemas/FieldError", problem.at("/properties/errors/items/$ref").asText());
        assertTrue(problem.at("/properties/allowedStates/items/enum").toString().contains("IN_REVIEW"));
        assertEquals("[\"detail\",\"pointer\"]", schema("FieldError").path("required").toString());
    }

    @Test
    void geoJsonAndAnyJsonValuesAreDeclaredAsSuch() {
        assertEquals("#/components/schemas/ApplicationLocation",
                schema("ApplicationView").at("/properties/location/$ref").asText());
        assertEquals(3, schema("ApplicationLocation").path("oneOf").size());
        assertEquals("array", schema("GeoJsonPolygon").at("/properties/coordinates/type").asText());
        assertFalse(schema("AnyValue").has("type"), "any JSON value has no type");
        assertEquals(ApiDocument.ANY_VALUE, schema("ExplanationLine").at("/properties/value/$ref").asText());
        assertEquals(ApiDocument.ANY_VALUE, schema("CriterionBody").at("/properties/limit/$ref").asText());
        assertEquals(ApiDocument.JSON_OBJECT, schema("SubmitBody").at("/properties/form/$ref").asText());
        assertTrue(schema("ServiceSummary").at("/properties/geometry/nullable").asBoolean());
        assertEquals("X-Raekoda-Dev-Caller",
                document.at("/components/securitySchemes/" + ApiDocument.DEVELOPMENT_CALLER + "/name").asText());
    }

    @Test
    void everyReferenceResolves() {
        List<String> dangling = new ArrayList<>();
        references(document, dangling);
        assertEquals(List.of(), dangling);
    }

    private static void references(JsonNode node, List<String> dangling) {
        if (node.has("$ref") && document.at(node.path("$ref").asText().substring(1)).isMissingNode()) {
            dangling.add(node.path("$ref").asText());
        }
        node.forEach(child -> references(child, dangling));
    }

    private static JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertFalse(schema.isMissingNode(), name + " is in the document");
        return schema;
    }
}
