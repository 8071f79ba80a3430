package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The public register at {@code /ogc} on the real distribution, with permits of all five demo e-services issued
 * through the API from applications whose every free-text field holds a planted value: read with GDAL's
 * {@code ogrinfo} as GIS staff do (layers, paging through every feature once, a bbox, a datetime), checked
 * against our GeoJSON schema (RFC 7946) and the service's own OpenAPI document, crawled in JSON and HTML for
 * any planted value, and fed bad parameters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcFeaturesIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALLER = "X-Raekoda-Dev-Caller";
    private static final String PERSONAL_CODE = "38001085718";
    /** The applicant, named and with a personal code: neither may reach a public answer. */
    private static final String APPLICANT = "subject=PLANTED-subject-7f3a; roles=APPLICANT; person=EE" + PERSONAL_CODE;
    private static final String OFFICER = "subject=officer-7f3a; roles=OFFICER; organization=demo";
    private static final String MARK = "7f3a";
    /** How many permits of each e-service; their dates lie weeks apart so that none clashes with another. */
    private static final Map<String, Integer> COPIES = Map.of("advertising", 2, "excavation", 5, "grave-site", 1,
            "transport", 2, "tree-felling", 2);
    private static final String L_EST97 = "http://www.opengis.net/def/crs/EPSG/0/3301";

    private RunningDistribution karaf;
    private String root;
    /** Permit number → e-service, of every permit issued here and still in force. */
    private final Map<String, String> issued = new LinkedHashMap<>();
    private String revoked;
    /** Every planted value that the platform accepted, and the fields it could not be planted in (enums, dates). */
    private final Set<String> planted = new TreeSet<>();
    private final Set<String> notPlanted = new TreeSet<>();
    private final Set<String> excavationIds = new TreeSet<>();
    /** Permits the rules issued at once: only those can be taken to a human review and revoked. */
    private final List<String> automatic = new ArrayList<>();

    @BeforeAll
    void issuePermitsWithPlantedValues() throws Exception {
        karaf = RunningDistribution.fresh("ogc", new HashMap<>(Map.of("RAEKODA_PROFILE", "development")));
        karaf.start();
        root = "http://127.0.0.1:" + karaf.httpPort() + "/ogc";
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500))
                .until(karaf::health, health -> health != null && health.status() == 200);
        await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            Set<String> offered = new TreeSet<>();
            JSON.readTree(karaf.get("/api/v1/services?municipality=demo").body()).forEach(s -> offered.add(s.path("id").asText()));
            return offered.containsAll(COPIES.keySet()) && karaf.get("/ogc").statusCode() == 200;
        });
        for (Map.Entry<String, Integer> service : COPIES.entrySet()) {
            for (int copy = 0; copy < service.getValue(); copy++) {
                JsonNode permit = issue(service.getKey(), copy);
                issued.put(permit.path("id").asText(), service.getKey());
                if (service.getKey().equals("excavation")) {
                    excavationIds.add(permit.path("id").asText());
                }
            }
        }
        revoked = revokeOne(automatic.stream().filter(id -> issued.get(id).equals("tree-felling")).findFirst()
                .orElse(automatic.get(0)));
        issued.remove(revoked);
        assertTrue(planted.size() >= 6, "values planted: " + planted);
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    // ------------------------------------------------------------------ GDAL

    @Test
    void ogrinfoListsTheCollectionsAsLayers() throws Exception {
        String layers = ogrinfo("-ro", "-q", "OAPIF:" + root);
        for (String layer : List.of("permits", "advertising", "excavation", "grave-site", "transport", "tree-felling")) {
            assertTrue(Pattern.compile("^\\d+: " + Pattern.quote(layer) + "( |$)", Pattern.MULTILINE).matcher(layers).find(),
                    layer + " missing in:\n" + layers);
        }
    }

    @Test
    void ogrinfoPagesThroughEveryPermitExactlyOnce() throws Exception {
        List<String> ids = featureIds(ogrinfo("-ro", "-al", "-oo", "PAGE_SIZE=2", "OAPIF:" + root, "permits"));
        assertEquals(ids.size(), new LinkedHashSet<>(ids).size(), "a permit twice: " + ids);
        assertEquals(new TreeSet<>(issued.keySet()), new TreeSet<>(ids), "the permits in force, and only they");
        assertFalse(ids.contains(revoked));
    }

    @Test
    void ogrinfoFiltersByBbox() throws Exception {
        // A box around the excavation site of the example (Rüütli 1, Tartu) and nothing else of the demo.
        List<String> ids = featureIds(ogrinfo("-ro", "-al", "-spat", "26.7220", "58.3806", "26.7227", "58.3811",
                "OAPIF:" + root, "permits"));
        assertEquals(excavationIds, new TreeSet<>(ids));
        JsonNode viaHttp = get("/ogc/collections/permits/items?bbox=26.7220,58.3806,26.7227,58.3811&limit=100");
        assertEquals(excavationIds.size(), viaHttp.path("numberMatched").asInt());
    }

    @Test
    void aDatetimeFilterMatchesThePermitsTime() throws Exception {
        // The first excavation's occupied days; the later copies lie weeks after it.
        JsonNode earliest = null;
        for (JsonNode feature : get("/ogc/collections/excavation/items?limit=100").path("features")) {
            if (earliest == null || feature.path("properties").path("occupiedFrom").asText()
                    .compareTo(earliest.path("properties").path("occupiedFrom").asText()) < 0) {
                earliest = feature;
            }
        }
        assertNotNull(earliest);
        String from = earliest.path("properties").path("occupiedFrom").asText();
        String until = earliest.path("properties").path("occupiedUntil").asText();
        JsonNode during = get("/ogc/collections/excavation/items?datetime=" + from + "T12:00:00Z/" + until);
        Set<String> ids = new TreeSet<>();
        during.path("features").forEach(f -> ids.add(f.path("id").asText()));
        assertTrue(ids.contains(earliest.path("id").asText()), ids.toString());
        assertEquals(0, get("/ogc/collections/excavation/items?datetime=../" + LocalDate.parse(from).minusYears(1))
                .path("numberReturned").asInt());
        assertEquals(excavationIds.size(), get("/ogc/collections/excavation/items?datetime=" + from + "/..")
                .path("numberMatched").asInt());

        // GDAL 3.6 sends a filter on a date field to the server as datetime (start/..): its answer is the
        // service's. The last excavation's first day.
        String last = null;
        for (JsonNode feature : get("/ogc/collections/excavation/items?limit=100").path("features")) {
            String day = feature.path("properties").path("occupiedFrom").asText();
            last = last == null || day.compareTo(last) > 0 ? day : last;
        }
        String listing = ogrinfo("-ro", "-al", "--debug", "on", "-where", "occupiedFrom >= '" + last + "'",
                "OAPIF:" + root, "excavation");
        assertTrue(listing.contains("datetime=" + last), "GDAL filtered on the server:\n" + listing);
        Set<String> expected = new TreeSet<>();
        get("/ogc/collections/excavation/items?limit=100&datetime=" + last + "/..").path("features")
                .forEach(f -> expected.add(f.path("id").asText()));
        assertEquals(expected, new TreeSet<>(featureIds(listing)));
        assertFalse(expected.isEmpty());
    }

    @Test
    void aNationalGridAgreesWithProj() throws Exception {
        // GDAL 3.6's OAPIF driver cannot ask for a CRS (its CRS open option came later), so the coordinates the
        // service gives in L-EST97 are compared with PROJ's transformation of its CRS84 ones (gdaltransform).
        String id = excavationIds.iterator().next();
        JsonNode crs84 = get("/ogc/collections/excavation/items/" + id);
        HttpResponse<String> grid = karaf.get("/ogc/collections/excavation/items/" + id + "?crs=" + L_EST97);
        assertEquals(200, grid.statusCode(), grid.body());
        assertEquals("<" + L_EST97 + ">", grid.headers().firstValue("Content-Crs").orElse(""));
        JsonNode lonLat = crs84.path("geometry").path("coordinates").get(0).get(0);
        JsonNode northEast = JSON.readTree(grid.body()).path("geometry").path("coordinates").get(0).get(0);
        String proj = run(List.of("gdaltransform", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:3301"),
                lonLat.get(0).asText() + " " + lonLat.get(1).asText() + "\n");
        String[] eastNorth = proj.strip().split("\\s+");
        assertEquals(Double.parseDouble(eastNorth[1]), northEast.get(0).asDouble(), 0.01, "northing first");
        assertEquals(Double.parseDouble(eastNorth[0]), northEast.get(1).asDouble(), 0.01);
        JsonNode inBox = get("/ogc/collections/excavation/items?bbox-crs=" + L_EST97 + "&bbox="
                + (northEast.get(0).asDouble() - 50) + "," + (northEast.get(1).asDouble() - 50) + ","
                + (northEast.get(0).asDouble() + 50) + "," + (northEast.get(1).asDouble() + 50));
        assertEquals(excavationIds.size(), inBox.path("numberMatched").asInt());
    }

    // ------------------------------------------------------------------ schemas

    @Test
    void itemsAreGeoJsonByOurSchemaFromRfc7946() throws Exception {
        JsonSchema schema;
        try (InputStream in = OgcFeaturesIT.class.getResourceAsStream("geojson.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (String collection : collections()) {
            for (String query : List.of("", "?status=issued,expired,revoked", "?crs=" + L_EST97)) {
                HttpResponse<String> items = karaf.get("/ogc/collections/" + collection + "/items" + query);
                assertEquals("application/geo+json", items.headers().firstValue("Content-Type").orElse(""));
                Set<ValidationMessage> errors = schema.validate(JSON.readTree(items.body()));
                assertEquals(Set.of(), errors, collection + query);
                for (JsonNode feature : JSON.readTree(items.body()).path("features")) {
                    HttpResponse<String> one = karaf.get("/ogc/collections/" + collection + "/items/"
                            + feature.path("id").asText());
                    assertEquals(Set.of(), schema.validate(JSON.readTree(one.body())), one.body());
                }
            }
        }
    }

    @Test
    void theOpenApiDocumentValidatesAndTheAnswersFitIt() throws Exception {
        HttpResponse<String> document = karaf.get("/ogc/api");
        assertEquals(200, document.statusCode());
        assertTrue(document.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai.openapi+json"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document.body(), null, options);
        assertEquals(List.of(), parsed.getMessages());
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(document.body()).build();
        String some = issued.keySet().iterator().next();
        List<String> paths = new ArrayList<>(List.of("/ogc/", "/ogc/conformance", "/ogc/api", "/ogc/collections",
                "/ogc/collections/permits", "/ogc/collections/permits/items",
                "/ogc/collections/permits/items?limit=2&offset=1&status=issued,revoked",
                "/ogc/collections/excavation/items?bbox=26,58,27,59&datetime=2026-01-01/..&crs=" + L_EST97,
                "/ogc/collections/permits/items/" + some, "/ogc/collections/permits/items/" + some + "?f=html",
                "/ogc/collections?f=html&lang=et", "/ogc/collections/nope", "/ogc/collections/permits/items/nope",
                "/ogc/collections/permits/items?bbox=1,2,3", "/ogc/collections/permits/items?limit=0"));
        List<String> violations = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = karaf.get(path);
            URI uri = URI.create(path);
            String documentPath = uri.getPath().substring("/ogc".length());
            SimpleRequest.Builder request = new SimpleRequest.Builder("GET", documentPath);
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String[] pair = parameter.split("=", 2);
                    request.withQueryParam(pair[0], pair.length > 1 ? pair[1] : "");
                }
            }
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
            response.headers().map().forEach(answer::withHeader);
            boolean valid = response.statusCode() < 400;
            if (valid) {
                collect(violations, path + " (request)", validator.validateRequest(request.build()));
            }
            collect(violations, path + " (response)",
                    validator.validateResponse(documentPath, Request.Method.GET, answer.build()));
        }
        assertEquals(List.of(), violations);
    }

    private static void collect(List<String> violations, String call, ValidationReport report) {
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(call + ": [" + message.getKey() + "] " + message.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ privacy

    @Test
    void noPublicAnswerHoldsAnyPlantedValueAndOnlyIssuedPermitsAreShown() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections"));
        for (String collection : collections()) {
            paths.add("/ogc/collections/" + collection);
            for (String status : List.of("", "?status=issued,expired,revoked", "?status=revoked")) {
                paths.add("/ogc/collections/" + collection + "/items" + status);
                JsonNode items = get("/ogc/collections/" + collection + "/items" + status + (status.isEmpty() ? "?" : "&")
                        + "limit=1000");
                for (JsonNode feature : items.path("features")) {
                    paths.add("/ogc/collections/" + collection + "/items/" + feature.path("id").asText());
                }
            }
        }
        int checked = 0;
        for (String path : paths) {
            for (String format : List.of("f=json", "f=html")) {
                for (String lang : List.of("en", "et")) {
                    String url = path + (path.contains("?") ? "&" : "?") + format + "&lang=" + lang;
                    HttpResponse<String> response = karaf.get(url);
                    assertEquals(200, response.statusCode(), url + ": " + response.body());
                    String body = response.body();
                    for (String value : planted) {
                        assertFalse(body.contains(value), url + " holds the planted " + value);
                    }
                    assertFalse(body.contains(PERSONAL_CODE), url + " holds the applicant's personal code");
                    assertFalse(body.contains("PLANTED"), url);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "answers checked: " + checked);

        Set<String> inForce = new TreeSet<>();
        get("/ogc/collections/permits/items?limit=1000").path("features").forEach(f -> {
            assertEquals("issued", f.path("properties").path("status").asText());
            inForce.add(f.path("id").asText());
        });
        assertEquals(new TreeSet<>(issued.keySet()), inForce);
        JsonNode revokedOnes = get("/ogc/collections/tree-felling/items?status=revoked");
        assertEquals(1, revokedOnes.path("numberReturned").asInt());
        assertEquals(revoked, revokedOnes.path("features").get(0).path("id").asText());
        assertEquals("revoked", get("/ogc/collections/permits/items/" + revoked).path("properties").path("status").asText());
        assertEquals(Set.of("permitNumber", "service", "serviceTitle", "organization", "organizationName", "status",
                "issuedOn", "occupiedFrom", "occupiedUntil", "validUntil", "decidedBy", "decidedAt", "basis"),
                fieldNames(get("/ogc/collections/permits/items/" + revoked).path("properties")));
    }

    // ------------------------------------------------------------------ bad requests

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("bbox=1,2,3", "bbox");
        bad.put("bbox=1,2,3,4,5", "bbox");
        bad.put("bbox=0,60,1,59", "bbox");
        bad.put("bbox=a,b,c,d", "bbox");
        bad.put("datetime=2026-02-30", "datetime");
        bad.put("datetime=2026-12-02/2026-12-01", "datetime");
        bad.put("limit=0", "limit");
        bad.put("limit=-5", "limit");
        bad.put("limit=many", "limit");
        bad.put("offset=-1", "offset");
        bad.put("crs=http://www.opengis.net/def/crs/EPSG/0/2154", "crs");
        bad.put("bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154", "bbox-crs");
        bad.put("status=draft", "status");
        bad.put("unknown=1", "unknown");
        for (Map.Entry<String, String> query : bad.entrySet()) {
            HttpResponse<String> response = karaf.get("/ogc/collections/permits/items?" + query.getKey());
            assertEquals(400, response.statusCode(), query.getKey() + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertEquals("/query/" + query.getValue(),
                    JSON.readTree(response.body()).path("errors").get(0).path("pointer").asText(), query.getKey());
        }
        assertEquals(404, karaf.get("/ogc/collections/nope/items").statusCode());
        assertEquals(404, karaf.get("/ogc/collections/grave-site/items/" + excavationIds.iterator().next()).statusCode());
        assertEquals(405, karaf.send("POST", "/ogc/collections/permits/items", "{}").statusCode());
        HttpResponse<String> large = karaf.get("/ogc/collections/permits/items?limit=20000");
        assertEquals(200, large.statusCode(), "a limit above the maximum is clamped, not refused: " + large.body());
        // The platform's own API is untouched.
        assertEquals(200, karaf.health().status());
        assertEquals(404, karaf.get("/api/ogc").statusCode(), "the OGC service is not also under /api");
    }

    // ------------------------------------------------------------------ helpers

    /** Submits the e-service's issued example with planted values; an officer issues it when the rules do not. */
    private JsonNode issue(String service, int copy) throws Exception {
        JsonNode example = PermitServicesIT.example(service, "issued");
        ObjectNode form = (ObjectNode) example.path("form").deepCopy();
        form.fieldNames().forEachRemaining(field -> {
            if (form.path(field).asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                form.put(field, LocalDate.parse(form.path(field).asText()).plusWeeks(6L * copy).toString());
            }
        });
        JsonNode schema = formSchema(service);
        Map<String, String> plantedHere = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = plant(field.getKey(), field.getValue());
            if (value != null && form.has(field.getKey())) {
                form.put(field.getKey(), value);
                plantedHere.put(field.getKey(), value);
            } else {
                notPlanted.add(service + "/" + field.getKey());
            }
        }
        JsonNode application = null;
        for (int attempt = 0; attempt < 5 && application == null; attempt++) {
            ObjectNode body = JSON.createObjectNode();
            body.put("organization", "demo");
            body.put("service", service);
            body.set("form", form);
            body.set("location", example.path("location"));
            HttpResponse<String> response = karaf.send("POST", "/api/v1/applications", body.toString(), CALLER, APPLICANT);
            if (response.statusCode() == 400) {
                // A field whose planted value the platform refuses (a register's id, say) keeps the example's value.
                boolean restored = false;
                for (JsonNode error : JSON.readTree(response.body()).path("errors")) {
                    String field = error.path("pointer").asText().replace("/form/", "");
                    if (plantedHere.remove(field) != null) {
                        form.set(field, example.path("form").path(field));
                        notPlanted.add(service + "/" + field);
                        restored = true;
                    }
                }
                assertTrue(restored, service + ": " + response.body());
                continue;
            }
            assertEquals(201, response.statusCode(), service + ": " + response.body());
            application = JSON.readTree(response.body());
        }
        assertNotNull(application, service);
        planted.addAll(plantedHere.values());
        String id = application.path("id").asText();
        if (application.path("state").asText().equals("ISSUED")) {
            automatic.add(id);
        } else {
            assertEquals("IN_REVIEW", application.path("state").asText(), application.toString());
            HttpResponse<String> decided = decide(id, "ISSUE", "PLANTED-officer-reason-" + MARK);
            planted.add("PLANTED-officer-reason-" + MARK);
            assertEquals(200, decided.statusCode(), decided.body());
            application = JSON.readTree(decided.body());
        }
        assertEquals("ISSUED", application.path("state").asText(), application.toString());
        return application;
    }

    private HttpResponse<String> decide(String id, String action, String reason) throws Exception {
        JsonNode current = JSON.readTree(karaf.get("/api/v1/applications/" + id, CALLER, OFFICER).body());
        ObjectNode decision = JSON.createObjectNode();
        decision.put("action", action);
        decision.put("reason", reason);
        decision.put("version", current.path("version").asLong());
        return karaf.send("POST", "/api/v1/applications/" + id + "/decision", decision.toString(), CALLER, OFFICER);
    }

    /** The applicant asks for a human review of a permit the rules issued, and an officer revokes it. */
    private String revokeOne(String id) throws Exception {
        ObjectNode review = JSON.createObjectNode().put("reason", "PLANTED-review-" + MARK);
        HttpResponse<String> asked = karaf.send("POST", "/api/v1/applications/" + id + "/human-review", review.toString(),
                CALLER, APPLICANT);
        assertTrue(asked.statusCode() < 300, asked.body());
        planted.add("PLANTED-review-" + MARK);
        HttpResponse<String> decided = decide(id, "REVOKE", "PLANTED-revocation-" + MARK);
        assertEquals(200, decided.statusCode(), decided.body());
        planted.add("PLANTED-revocation-" + MARK);
        return id;
    }

    /**
     * A recognisable value the field's schema allows, or null when it allows none (enums, dates, numbers): the
     * first of a few spellings that fits its pattern and length.
     */
    private static String plant(String field, JsonNode schema) {
        if (!"string".equals(schema.path("type").asText()) || schema.has("enum") || schema.has("format")
                || schema.has("const")) {
            return null;
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        Pattern pattern = schema.has("pattern") ? Pattern.compile(schema.path("pattern").asText()) : null;
        for (String candidate : List.of("PLANTED-" + field + "-" + MARK, "PLANTED " + MARK, "pl" + MARK + "-" + field,
                "pl" + MARK + field.substring(0, Math.min(3, field.length())), "PL" + MARK)) {
            if (candidate.length() <= max && (pattern == null || pattern.matcher(candidate).find())) {
                return candidate;
            }
        }
        return null;
    }

    private static JsonNode formSchema(String service) throws IOException {
        String url = OgcFeaturesIT.class.getClassLoader().getResource("OSGI-INF/raekoda/" + service + ".json").toString();
        JsonNode definition;
        try (InputStream in = new java.net.URL(url).openStream()) {
            definition = JSON.readTree(in);
        }
        String file = url.substring(0, url.length() - (service + ".json").length()) + definition.path("formSchemaFile").asText();
        try (InputStream in = new java.net.URL(file).openStream()) {
            return JSON.readTree(in);
        }
    }

    private List<String> collections() throws Exception {
        List<String> ids = new ArrayList<>();
        get("/ogc/collections").path("collections").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = karaf.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The permit numbers in ogrinfo's listing of features (GDAL keeps the GeoJSON id in a field "id"). */
    private static List<String> featureIds(String listing) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("^\\s+id \\(String\\) = (.+)$", Pattern.MULTILINE).matcher(listing);
        while (matcher.find()) {
            ids.add(matcher.group(1).strip());
        }
        return ids;
    }

    private static String ogrinfo(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("ogrinfo"));
        command.addAll(List.of(arguments));
        return run(command, null);
    }

    private static String run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }
}
