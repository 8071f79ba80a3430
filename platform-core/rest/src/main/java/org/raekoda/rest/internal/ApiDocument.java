package org.raekoda.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.cxf.jaxrs.openapi.OpenApiCustomizer;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The parts of the OpenAPI document that annotations cannot say: the shared problem answers that every
 * operation refers to by name ({@code @ApiResponse(responseCode = "404", ref = NOT_FOUND)}), GeoJSON
 * geometries (RFC 7946), values that may be any JSON, and the security schemes. The operations, their
 * statuses and bodies are declared on the resources themselves.
 */
final class ApiDocument extends OpenApiCustomizer {

    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
    static final String TOO_LARGE = "PayloadTooLarge";
    static final String UNPROCESSABLE = "UnprocessableContent";
    static final String SERVER_ERROR = "ServerError";
    static final String UNAVAILABLE = "ServiceUnavailable";

    /** The development identity header, {@link DevelopmentIdentity#HEADER}. */
    static final String DEVELOPMENT_CALLER = "developmentCaller";
    /** OpenID Connect access tokens of the configured identity providers. */
    static final String BEARER = "bearer";
    /** The session cookie of a page login (authorization code flow). */
    static final String SESSION = "session";

    static final String ANY_VALUE = "#/components/schemas/AnyValue";
    static final String JSON_OBJECT = "#/components/schemas/JsonObject";
    static final String LOCATION = "#/components/schemas/ApplicationLocation";
    static final String FEATURE_COLLECTION = "#/components/schemas/GeoJsonFeatureCollection";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    /** The extension that carries an operation's access rule. */
    static final String ACCESS_EXTENSION = "x-raekoda-access";

    private final Map<String, AccessRules.Operation> operations = new LinkedHashMap<>();

    ApiDocument(List<AccessRules.Operation> operations) {
        operations.forEach(operation -> this.operations.put(operation.key(), operation));
    }

    @Override
    public void customize(OpenAPI document) {
        super.customize(document);
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.setComponents(components);
        ModelConverters.getInstance().readAll(Problem.class).forEach(components::addSchemas);
        components.addSchemas("AnyValue", new Schema<>().description(
                "Any JSON value: a string, number, boolean, array, object or null, as the e-service defines it"));
        components.addSchemas("JsonObject", new ObjectSchema().additionalProperties(new Schema<>().$ref(ANY_VALUE))
                .description("A JSON object whose members the e-service or component defines"));
        // Jackson's tree type is resolved before the @Schema(ref = JSON_OBJECT) on its fields wins; nothing refers to it.
        components.getSchemas().remove("JsonNode");
        geoJson(components);
        nullableInApiRecords(components);
        problems(components);
        accessRules(document);
        components.addSecuritySchemes(DEVELOPMENT_CALLER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(DevelopmentIdentity.HEADER)
                .description("Development profile only: the caller names themselves, e.g. "
                        + "`subject=alice; roles=APPLICANT` or `subject=mari; roles=OFFICER,ADMIN; organization=tartu`. "
                        + "Ignored on production nodes. See docs/api.md."));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An OpenID Connect access token of one of the identity providers "
                        + "the installation trusts (a country's e-ID, the organization's staff login). See docs/api.md."));
        components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(Callers.SESSION_COOKIE)
                .description("The session of a page login (`/v1/auth/{provider}/login`). A request that changes "
                        + "something also sends the session's `" + Callers.CSRF_HEADER + "`."));
    }

    /**
     * Each operation's {@link Access} rule, as {@value #ACCESS_EXTENSION}; an operation that needs an identity
     * also names the security schemes and its 401 and 403 answers, so that no resource has to repeat them.
     */
    private void accessRules(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            AccessRules.Operation declared = operations.get(method.name() + " " + path);
            if (declared == null || declared.rule() == null) {
                return;
            }
            operation.addExtension(ACCESS_EXTENSION, Map.of("rule", declared.rule().name(),
                    "description", declared.rule().description()));
            if (declared.rule().isPublic()) {
                return;
            }
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER),
                    new SecurityRequirement().addList(SESSION), new SecurityRequirement().addList(DEVELOPMENT_CALLER)));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (!responses.containsKey("401")) {
                responses.addApiResponse("401", new ApiResponse().$ref(RESPONSES + UNAUTHORIZED));
            }
            if (!responses.containsKey("403")) {
                responses.addApiResponse("403", new ApiResponse().$ref(RESPONSES + FORBIDDEN));
            }
            if (!responses.containsKey("503")) {
                responses.addApiResponse("503", new ApiResponse().$ref(RESPONSES + UNAVAILABLE));
            }
        }));
    }

    private static void problems(Components components) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(BAD_REQUEST, "The request is not valid; `errors` names each failing field by its JSON Pointer");
        descriptions.put(UNAUTHORIZED, "No identity: log in (the answer carries `WWW-Authenticate`)");
        descriptions.put(FORBIDDEN, "The caller may not do this");
        descriptions.put(NOT_FOUND, "No such resource, or not the caller's to see");
        descriptions.put(CONFLICT, "The resource is not in a state that allows this, or someone changed it first; "
                + "`allowedStates` lists the states the application can move to from where it is");
        descriptions.put(TOO_LARGE, "The request body is larger than this operation accepts");
        descriptions.put(UNPROCESSABLE, "The Idempotency-Key was used before with another body");
        descriptions.put(SERVER_ERROR, "The server failed; the detail names an incident id that is logged");
        descriptions.put(UNAVAILABLE, "The identity provider that would check the credential cannot be reached; "
                + "`Retry-After` says when to try again");
        Schema<?> problem = new Schema<>().$ref(SCHEMAS + "Problem");
        descriptions.forEach((name, description) -> components.addResponses(name, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(Problem.MEDIA_TYPE, new MediaType().schema(problem)))));
    }

    /**
     * Geometries as RFC 7946 defines them, in WGS 84 longitude/latitude. An application's location is one
     * of the kinds an e-service can ask for ({@code geometry} in the catalogue); a zone layer may hold any.
     */
    private static void geoJson(Components components) {
        Schema<?> position = new ArraySchema().items(new NumberSchema()).minItems(2).maxItems(3)
                .description("Longitude and latitude in WGS 84 degrees, and optionally an altitude");
        components.addSchemas("GeoJsonPosition", position);
        Schema<?> positionRef = new Schema<>().$ref(SCHEMAS + "GeoJsonPosition");
        Schema<?> line = new ArraySchema().items(positionRef).minItems(2);
        Schema<?> ring = new ArraySchema().items(positionRef).minItems(4)
                .description("A closed ring: the first and last positions are the same");
        Schema<?> polygon = new ArraySchema().items(ring).minItems(1);
        Map<String, Schema<?>> geometries = new LinkedHashMap<>();
        geometries.put("Point", positionRef);
        geometries.put("MultiPoint", new ArraySchema().items(positionRef));
        geometries.put("LineString", line);
        geometries.put("MultiLineString", new ArraySchema().items(line));
        geometries.put("Polygon", polygon);
        geometries.put("MultiPolygon", new ArraySchema().items(polygon));
        ComposedSchema any = new ComposedSchema();
        geometries.forEach((type, coordinates) -> {
            components.addSchemas("GeoJson" + type, new ObjectSchema()
                    .addProperty("type", new StringSchema()._enum(List.of(type)))
                    .addProperty("coordinates", coordinates)
                    .addProperty("bbox", new ArraySchema().items(new NumberSchema()).minItems(4))
                    .required(List.of("type", "coordinates")));
            any.addOneOfItem(new Schema<>().$ref(SCHEMAS + "GeoJson" + type));
        });
        components.addSchemas("GeoJsonGeometry", any.description("A GeoJSON geometry (RFC 7946)"));
        ComposedSchema location = new ComposedSchema();
        for (String type : List.of("Point", "LineString", "Polygon")) {
            location.addOneOfItem(new Schema<>().$ref(SCHEMAS + "GeoJson" + type));
        }
        components.addSchemas("ApplicationLocation", location.description("Where the application is about: the "
                + "GeoJSON geometry kind the e-service names in `geometry` (Point, LineString or Polygon)"));
        // RFC 7946 allows foreign members in features and collections (a layer's "name", say).
        components.addSchemas("GeoJsonFeature", new ObjectSchema()
                .addProperty("type", new StringSchema()._enum(List.of("Feature")))
                .addProperty("id", new Schema<>().description("A string or a number"))
                .addProperty("geometry", new Schema<>().$ref(SCHEMAS + "GeoJsonGeometry"))
                .addProperty("properties", new ObjectSchema().additionalProperties(true).nullable(true))
                .addProperty("bbox", new ArraySchema().items(new NumberSchema()).minItems(4))
                .required(List.of("type", "geometry"))
                .additionalProperties(true));
        components.addSchemas("GeoJsonFeatureCollection", new ObjectSchema()
                .addProperty("type", new StringSchema()._enum(List.of("FeatureCollection")))
                .addProperty("features", new ArraySchema().items(new Schema<>().$ref(SCHEMAS + "GeoJsonFeature")))
                .addProperty("bbox", new ArraySchema().items(new NumberSchema()).minItems(4))
                .required(List.of("type", "features"))
                .additionalProperties(true)
                .description("A zone layer: GeoJSON features in WGS 84 longitude/latitude"));
    }

    /** Records of the API bundle carry no OpenAPI annotations; their fields that can be null are marked here. */
    private static void nullableInApiRecords(Components components) {
        Map<String, List<String>> nullable = Map.of(
                "AuditEntry", List.of("fromState", "toState", "detail"),
                "Change", List.of("officerOutcome"));
        nullable.forEach((schema, fields) -> {
            Schema<?> record = components.getSchemas() == null ? null : components.getSchemas().get(schema);
            if (record != null && record.getProperties() != null) {
                fields.forEach(field -> {
                    Schema<?> property = record.getProperties().get(field);
                    if (property != null) {
                        property.setNullable(true);
                    }
                });
            }
        });
    }
}
