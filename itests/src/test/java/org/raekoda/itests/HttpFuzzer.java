package org.raekoda.itests;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends random, mostly wrong requests to every operation of a node's OpenAPI document, as an attacker or a
 * broken client would: callers of every role and of none, ids that exist and ids that do not, bodies built
 * from the operation's schema and then bent (fields dropped, wrong types, huge texts, deep nesting, broken
 * JSON, bodies larger than the platform takes). It counts answers by status and keeps every 5xx it meets,
 * for the test to refuse.
 */
final class HttpFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CALLER_HEADER = "X-Raekoda-Dev-Caller";

    /** One operation of the document. */
    record Operation(String method, String path, List<JsonNode> parameters, JsonNode body) {
    }

    /** One answer the server should never give. */
    record Failure(String method, String uri, int status, String body) {
    }

    /** What a run met. */
    record Result(long requests, Map<Integer, Long> byStatus, List<Failure> failures, Map<String, Long> byOperation) {
    }

    private final String base;
    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final List<String> organizations;
    private final List<String> services;
    private final List<String> layers;
    private final List<String> applicationIds = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HttpFuzzer(String base, JsonNode document, List<String> organizations, List<String> services,
            List<String> layers, List<String> applicationIds) {
        this.base = base;
        this.document = document;
        this.organizations = organizations;
        this.services = services;
        this.layers = layers;
        this.applicationIds.addAll(applicationIds);
        String prefix = document.path("servers").path(0).path("url").asText("");
        String basePath = prefix.isEmpty() ? "/api" : URI.create(prefix.startsWith("/") ? "http://x" + prefix : prefix)
                .getPath();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                method.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                JsonNode content = resolve(method.getValue().path("requestBody")).path("content");
                JsonNode schema = content.path("application/json").path("schema");
                if (schema.isMissingNode() && content.size() > 0) {
                    schema = content.elements().next().path("schema");
                }
                operations.add(new Operation(method.getKey().toUpperCase(), (basePath.equals("/") ? "" : basePath)
                        + path.getKey(), parameters, schema.isMissingNode() ? null : schema));
            }
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** Sends {@code requests} requests from {@code clients} threads; the same seed sends the same requests. */
    Result run(int requests, int clients, long seed) throws Exception {
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
        List<Failure> failures = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long clientSeed = seed * 31 + c;
                running.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(clientSeed);
                    while (next.getAndIncrement() < requests) {
                        Operation operation = operations.get(random.nextInt(operations.size()));
                        HttpRequest request = request(operation, random);
                        int status;
                        String body;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            body = response.body();
                        } catch (java.io.IOException e) {
                            // The server closing the connection on a body it refused is an answer, not a 5xx.
                            status = -1;
                            body = String.valueOf(e);
                        }
                        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                        byOperation.computeIfAbsent(operation.method() + " " + operation.path(), s -> new LongAdder())
                                .increment();
                        if (status >= 500) {
                            failures.add(new Failure(request.method(), request.uri().toString(), status,
                                    body.length() > 500 ? body.substring(0, 500) : body));
                        } else if (status == 201 && body.contains("\"id\"")) {
                            remember(body);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(requests, sum(byStatus), failures, sum(byOperation));
    }

    private void remember(String body) {
        try {
            String id = JSON.readTree(body).path("id").asText("");
            if (!id.isEmpty() && applicationIds.size() < 500) {
                applicationIds.add(id);
            }
        } catch (java.io.IOException e) {
            // not an application
        }
    }

    private HttpRequest request(Operation operation, SplittableRandom random) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String value = parameterValue(name, random);
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(value));
                case "query" -> {
                    if (random.nextInt(3) > 0) {
                        query.append(query.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean() && value.chars().allMatch(ch -> ch >= 32 && ch < 127)) {
                        builder.header(name, value);
                    }
                }
                default -> {
                }
            }
        }
        path = path.replaceAll("\\{[^}]+}", "x");
        String caller = caller(random);
        if (caller != null) {
            builder.header(CALLER_HEADER, caller);
        }
        builder.header("Accept-Language", pick(random, List.of("en", "et", "lv", "sv", "de", "*", "et;q=0.5, sv")));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
            String json = body(operation.body(), random);
            body = HttpRequest.BodyPublishers.ofString(json);
            builder.header("Content-Type", random.nextInt(20) == 0 ? "text/plain" : "application/json");
        }
        return builder.uri(URI.create(base + path + query)).method(operation.method(), body).build();
    }

    /** Callers of every kind: none, garbled, applicants, officers and admins of this or another town, root. */
    private String caller(SplittableRandom random) {
        String town = pick(random, organizations);
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> pick(random, List.of("subject=; roles=APPLICANT", "roles=ADMIN", "subject=x; roles=KING",
                    "subject=x; roles=ADMIN; organization=" + "t".repeat(300), "garbage", ";;;="));
            case 2, 3 -> "subject=resident-" + random.nextInt(5) + "; roles=APPLICANT";
            case 4, 5 -> "subject=officer-" + random.nextInt(3) + "; roles=OFFICER; organization=" + town;
            case 6 -> "subject=admin; roles=ADMIN; organization=" + town;
            case 7 -> "subject=admin; roles=OFFICER,ADMIN; organization=" + town;
            default -> "subject=root; roles=PLATFORM_ADMIN";
        };
    }

    private String parameterValue(String name, SplittableRandom random) {
        if (random.nextInt(6) == 0) {
            return nasty(random);
        }
        String lower = name.toLowerCase();
        if (lower.contains("service")) {
            return pick(random, services);
        }
        if (lower.contains("layer")) {
            return pick(random, layers);
        }
        if (lower.equals("id") || lower.contains("application")) {
            return applicationIds.isEmpty() ? java.util.UUID.randomUUID().toString() : pick(random, applicationIds);
        }
        if (lower.contains("municipalit") || lower.contains("organization") || lower.equals("m")) {
            return pick(random, organizations);
        }
        if (lower.contains("state")) {
            return pick(random, List.of("ISSUED", "IN_REVIEW", "REJECTED", "issued", "NOPE"));
        }
        if (lower.contains("idempotency")) {
            return "key-" + random.nextInt(20);
        }
        return pick(random, List.of("a", "1", "true", "review"));
    }

    private static String nasty(SplittableRandom random) {
        return pick(random, List.of("", " ", "../../etc/passwd", "%00", "'; drop table application;--", "ä€😀",
                "x".repeat(5000), "-1", "9".repeat(40), "null", "{}", "<script>alert(1)</script>", "\u0000"));
    }

    /** A body for the operation: valid-looking from its schema, then bent in one of many ways. */
    private String body(JsonNode schema, SplittableRandom random) {
        int how = random.nextInt(20);
        switch (how) {
            case 0:
                return "{\"unterminated\": ";
            case 1:
                return "[".repeat(3000) + "]".repeat(3000);
            case 2:
                return "{\"a\":\"" + "x".repeat(random.nextInt(2) == 0 ? 200_000 : 1_200_000) + "\"}";
            case 3:
                return "";
            case 4:
                return "nonsense";
            case 5:
                return "{\"n\":" + "9".repeat(2000) + "}";
            default:
                break;
        }
        JsonNode value = schema == null ? NODES.objectNode() : generate(resolve(schema), random, 0);
        if (how < 12) {
            value = bend(value, random, 0);
        }
        return value.toString();
    }

    private JsonNode generate(JsonNode schema, SplittableRandom random, int depth) {
        schema = resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice) && schema.path(choice).size() > 0) {
                return generate(schema.path(choice).get(random.nextInt(schema.path(choice).size())), random, depth + 1);
            }
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), known(field.getKey(), random, () -> generate(field.getValue(), random,
                            depth + 1)));
                }
                if (schema.path("additionalProperties").isObject() && random.nextBoolean()) {
                    object.set("k" + random.nextInt(9), generate(schema.path("additionalProperties"), random, depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(generate(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(random.nextInt(-5, 500));
            case "number":
                return NODES.numberNode(random.nextDouble() * 100);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "string":
                return NODES.textNode(random.nextInt(4) == 0 ? nasty(random) : "text-" + random.nextInt(100));
            default:
                return anyJson(random, depth);
        }
    }

    /** Values for field names the platform knows, so that some requests get past validation. */
    private JsonNode known(String field, SplittableRandom random, java.util.function.Supplier<JsonNode> otherwise) {
        return switch (field) {
            case "organization" -> NODES.textNode(pick(random, organizations));
            case "service" -> NODES.textNode(pick(random, services));
            case "mode" -> NODES.textNode(pick(random, List.of("AUTOMATIC", "SUGGEST", "SHADOW", "MANUAL")));
            case "action" -> NODES.textNode(pick(random, List.of("ISSUE", "REJECT", "REQUEST_INFO", "CONFIRM",
                    "REVOKE", "EXPLODE")));
            case "version" -> NODES.numberNode(random.nextInt(-1, 4));
            case "kind" -> NODES.textNode(pick(random, List.of("MUNICIPALITY", "STATE_AGENCY", "CASTLE")));
            case "location" -> geometry(random);
            default -> otherwise.get();
        };
    }

    private static JsonNode geometry(SplittableRandom random) {
        try {
            return JSON.readTree(pick(random, List.of(
                    "{\"type\":\"Point\",\"coordinates\":[26.72,58.38]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[26.7,58.3],[26.8,58.3],[26.8,58.4],[26.7,58.4],[26.7,58.3]]]}",
                    "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}",
                    "{\"type\":\"LineString\",\"coordinates\":[[26.7,58.3]]}",
                    "{\"type\":\"Point\",\"coordinates\":[1e308,-1e308]}",
                    "{\"type\":\"Spiral\"}", "null")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode anyJson(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 3 ? 4 : 6)) {
            case 0 -> NODES.textNode(nasty(random));
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4 -> NODES.objectNode().set("x", anyJson(random, depth + 1));
            default -> NODES.arrayNode().add(anyJson(random, depth + 1));
        };
    }

    /** One change that makes a body wrong: a field dropped, its type changed, a huge or deep value. */
    private JsonNode bend(JsonNode value, SplittableRandom random, int depth) {
        if (!value.isObject() || value.size() == 0 || depth > 3) {
            return anyJson(random, 0);
        }
        ObjectNode object = ((ObjectNode) value).deepCopy();
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = pick(random, names);
        switch (random.nextInt(6)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, anyJson(random, 0));
            case 2 -> object.put(name, "y".repeat(random.nextInt(10_000, 60_000)));
            case 3 -> {
                JsonNode deep = NODES.numberNode(1);
                for (int i = random.nextInt(50, 400); i > 0; i--) {
                    deep = NODES.objectNode().set("d", deep);
                }
                object.set(name, deep);
            }
            case 4 -> object.set(name, bend(object.path(name), random, depth + 1));
            default -> object.put("unknown" + random.nextInt(3), 1);
        }
        return object;
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.path("$ref").asText();
            node = ref.startsWith("#") ? document.at(ref.substring(1)) : node;
        }
        return node;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <K> Map<K, Long> sum(Map<K, LongAdder> counts) {
        Map<K, Long> sums = new java.util.TreeMap<>();
        counts.forEach((k, v) -> sums.put(k, v.sum()));
        return sums;
    }
}
