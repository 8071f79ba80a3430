package org.raekoda.ogc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.map.BoundingBox;
import org.raekoda.api.map.PublicCriterion;
import org.raekoda.api.map.PublicExtent;
import org.raekoda.api.map.PublicPermit;
import org.raekoda.api.map.PublicPermitPage;
import org.raekoda.api.map.PublicPermitQuery;
import org.raekoda.api.map.PublicPermits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features over {@link PublicPermits}: the resources of Part 1 (landing page, conformance, API
 * definition, collections, items, one item) in GeoJSON/JSON and HTML, with Part 2's {@code crs} and
 * {@code bbox-crs}. Every value comes from the public API types, which hold nothing about applicants.
 */
final class OgcService {

    /** The collection of every e-service's permits; the others are named after their e-service. */
    static final String ALL = "permits";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private static final Set<String> EVERYWHERE = Set.of("f", "lang");
    private static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    private final PublicPermits permits;
    private final Catalogue catalogue;
    private final OrganizationService organizations;
    private final Clock clock;
    private final Duration extentTtl;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * Extents by collection, for a short while: they are derived from the database, which stays the one source
     * of truth, so nodes that disagree for a minute only differ in where a client zooms to.
     */
    private final Map<String, Cached> extents = new ConcurrentHashMap<>();

    private record Cached(PublicExtent extent, Instant until) {
    }

    /** What a request says: the service's root address and the query parameters in the order given. */
    record Call(String root, Map<String, List<String>> query, String accept, String acceptLanguage) {

        Call {
            query = query == null ? Map.of() : query;
        }
    }

    OgcService(PublicPermits permits, Catalogue catalogue, OrganizationService organizations, Clock clock,
            Duration extentTtl) {
        this.permits = permits;
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.clock = clock;
        this.extentTtl = extentTtl;
    }

    // ---------------------------------------------------------------- resources

    Answer landing(Call call) {
        allowOnly(call, Set.of());
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ObjectNode body = json.createObjectNode();
        body.put("title", Texts.get("service", lang));
        body.put("description", Texts.get("serviceDescription", lang));
        ArrayNode links = body.putArray("links");
        selfAndAlternate(links, call.root() + "/", format, Answer.JSON, lang);
        link(links, call.root() + "/api", "service-desc", Answer.OPENAPI, Texts.get("api", lang));
        link(links, call.root() + "/api?f=html", "service-doc", "text/html", Texts.get("api", lang));
        link(links, call.root() + "/conformance", "conformance", Answer.JSON, Texts.get("conformance", lang));
        link(links, call.root() + "/conformance",
                "http://www.opengis.net/def/rel/ogc/1.0/conformance", Answer.JSON, Texts.get("conformance", lang));
        link(links, call.root() + "/collections", "data", Answer.JSON, Texts.get("collections", lang));
        link(links, call.root() + "/collections",
                "http://www.opengis.net/def/rel/ogc/1.0/data", Answer.JSON, Texts.get("collections", lang));
        return format == Negotiation.Format.HTML ? html(Html.landing(body, lang), lang) : json(body, Answer.JSON, lang);
    }

    Answer conformance(Call call) {
        allowOnly(call, Set.of());
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ObjectNode body = json.createObjectNode();
        ArrayNode classes = body.putArray("conformsTo");
        CONFORMANCE.forEach(classes::add);
        ArrayNode links = body.putArray("links");
        selfAndAlternate(links, call.root() + "/conformance", format, Answer.JSON, lang);
        return format == Negotiation.Format.HTML ? html(Html.conformance(body, lang), lang) : json(body, Answer.JSON, lang);
    }

    Answer api(Call call) {
        allowOnly(call, Set.of());
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ObjectNode document = openApi(call.root());
        if (format == Negotiation.Format.HTML) {
            return html(Html.api(document, call.root(), lang), lang);
        }
        return json(document, Answer.OPENAPI, lang);
    }

    Answer collections(Call call) {
        allowOnly(call, Set.of());
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ObjectNode body = json.createObjectNode();
        ArrayNode links = body.putArray("links");
        selfAndAlternate(links, call.root() + "/collections", format, Answer.JSON, lang);
        ArrayNode collections = body.putArray("collections");
        for (String id : collectionIds()) {
            collections.add(collection(call.root(), id, lang));
        }
        ArrayNode crs = body.putArray("crs");
        Crs.uris().forEach(crs::add);
        return format == Negotiation.Format.HTML ? html(Html.collections(body, lang), lang)
                : json(body, Answer.JSON, lang);
    }

    Answer collection(Call call, String collectionId) {
        allowOnly(call, Set.of());
        requireCollection(collectionId);
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ObjectNode body = collection(call.root(), collectionId, lang);
        ArrayNode links = (ArrayNode) body.get("links");
        // The collection's own links start with self and alternate in the representation asked for.
        ArrayNode own = json.createArrayNode();
        selfAndAlternate(own, call.root() + "/collections/" + segment(collectionId), format, Answer.JSON, lang);
        for (JsonNode link : links) {
            if (!"self".equals(link.path("rel").asText())) {
                own.add(link);
            }
        }
        body.set("links", own);
        return format == Negotiation.Format.HTML ? html(Html.collection(body, lang), lang)
                : json(body, Answer.JSON, lang);
    }

    Answer items(Call call, String collectionId) {
        allowOnly(call, ItemsQuery.PARAMETERS);
        requireCollection(collectionId);
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        ItemsQuery query = ItemsQuery.read(call.query());
        String service = ALL.equals(collectionId) ? null : collectionId;
        PublicPermitPage page = permits.find(new PublicPermitQuery(service, query.organization(), query.statuses(),
                query.bbox(), query.from(), query.until(), query.limit(), query.offset()));
        Crs.Transform transform = query.crs().fromCrs84();
        Labels labels = new Labels(lang);
        String itemsPath = call.root() + "/collections/" + segment(collectionId) + "/items";

        ObjectNode body = json.createObjectNode();
        body.put("type", "FeatureCollection");
        ArrayNode features = body.putArray("features");
        for (PublicPermit permit : page.permits()) {
            features.add(feature(permit, call.root(), collectionId, transform, labels));
        }
        page.numberMatched().ifPresent(matched -> body.put("numberMatched", matched));
        body.put("numberReturned", page.permits().size());
        body.put("timeStamp", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode links = body.putArray("links");
        Map<String, List<String>> parameters = new LinkedHashMap<>(call.query());
        parameters.remove("f");
        String own = format == Negotiation.Format.HTML ? "html" : "json";
        String other = format == Negotiation.Format.HTML ? "json" : "html";
        link(links, itemsPath + query(parameters, "f", own), "self",
                format == Negotiation.Format.HTML ? "text/html" : Answer.GEOJSON, null);
        link(links, itemsPath + query(parameters, "f", other), "alternate",
                format == Negotiation.Format.HTML ? Answer.GEOJSON : "text/html", null);
        long returned = page.permits().size();
        boolean more = page.numberMatched().isPresent()
                ? query.offset() + returned < page.numberMatched().getAsLong()
                : returned == query.limit();
        if (more) {
            parameters.put("offset", List.of(String.valueOf(query.offset() + returned)));
            link(links, itemsPath + query(parameters, "f", own), "next",
                    format == Negotiation.Format.HTML ? "text/html" : Answer.GEOJSON, Texts.get("next", lang));
        }
        if (query.offset() > 0) {
            parameters.put("offset", List.of(String.valueOf(Math.max(0, query.offset() - query.limit()))));
            link(links, itemsPath + query(parameters, "f", own), "prev",
                    format == Negotiation.Format.HTML ? "text/html" : Answer.GEOJSON, Texts.get("prev", lang));
        }
        link(links, call.root() + "/collections/" + segment(collectionId), "collection", Answer.JSON,
                collectionTitle(collectionId, lang));
        Answer answer = format == Negotiation.Format.HTML
                ? html(Html.items(body, collectionTitle(collectionId, lang), labels, lang), lang)
                : json(body, Answer.GEOJSON, lang);
        return answer.with("Content-Crs", "<" + query.crs().uri() + ">");
    }

    Answer item(Call call, String collectionId, String featureId) {
        allowOnly(call, Set.of("crs"));
        requireCollection(collectionId);
        Negotiation.Format format = Negotiation.format(call.query(), call.accept());
        String lang = Negotiation.language(call.query(), call.acceptLanguage());
        Crs crs = ItemsQuery.crs(ItemsQuery.single(call.query(), "crs"), "crs");
        Optional<PublicPermit> found = featureId.length() > 200 ? Optional.empty() : permits.find(featureId);
        PublicPermit permit = found.filter(p -> ALL.equals(collectionId) || p.service().equals(collectionId))
                .orElseThrow(() -> OgcProblem.notFound("There is no issued permit " + featureId + " in this collection"));
        Labels labels = new Labels(lang);
        ObjectNode feature = feature(permit, call.root(), collectionId, crs.fromCrs84(), labels);
        String path = call.root() + "/collections/" + segment(collectionId) + "/items/" + segment(permit.id());
        ArrayNode links = json.createArrayNode();
        Map<String, List<String>> parameters = new LinkedHashMap<>(call.query());
        parameters.remove("f");
        boolean asHtml = format == Negotiation.Format.HTML;
        link(links, path + query(parameters, "f", asHtml ? "html" : "json"), "self",
                asHtml ? "text/html" : Answer.GEOJSON, null);
        link(links, path + query(parameters, "f", asHtml ? "json" : "html"), "alternate",
                asHtml ? Answer.GEOJSON : "text/html", null);
        link(links, call.root() + "/collections/" + segment(collectionId), "collection", Answer.JSON,
                collectionTitle(collectionId, lang));
        feature.set("links", links);
        Answer answer = asHtml ? html(Html.item(feature, labels, lang), lang) : json(feature, Answer.GEOJSON, lang);
        return answer.with("Content-Crs", "<" + crs.uri() + ">");
    }

    // ---------------------------------------------------------------- the feature JSON the map page reads

    /** Names of e-services and organizations in one language, looked up once per request. */
    final class Labels {
        final String lang;
        private final List<Locale> locales;
        private final Map<String, String> services = new LinkedHashMap<>();
        private final Map<String, String> organizationNames = new LinkedHashMap<>();

        Labels(String lang) {
            this.lang = lang;
            this.locales = List.of(Locale.forLanguageTag(lang));
        }

        String service(String id, String version) {
            return services.computeIfAbsent(id + "@" + version, key -> (version == null ? Optional.<EServiceDefinition>empty()
                    : catalogue.find(id, version)).or(() -> catalogue.find(id))
                    .map(definition -> definition.title().in(locales)).orElse(id));
        }

        String organization(String id) {
            return organizationNames.computeIfAbsent(id, key -> organizations.find(id).map(Organization::name)
                    .map(name -> name.in(locales)).orElse(id));
        }

        String text(Map<String, String> texts) {
            return texts == null || texts.isEmpty() ? null : new LocalizedText(texts).in(locales);
        }
    }

    ObjectNode feature(PublicPermit permit, String root, String collectionId, Crs.Transform transform, Labels labels) {
        ObjectNode feature = json.createObjectNode();
        feature.put("type", "Feature");
        feature.put("id", permit.id());
        if (permit.geometry() == null) {
            feature.putNull("geometry");
        } else {
            feature.set("geometry", Geometries.transform(json.valueToTree(permit.geometry()), transform));
        }
        ObjectNode properties = feature.putObject("properties");
        properties.put("permitNumber", permit.id());
        properties.put("service", permit.service());
        properties.put("serviceTitle", labels.service(permit.service(), permit.serviceVersion()));
        properties.put("organization", permit.organization());
        properties.put("organizationName", labels.organization(permit.organization()));
        properties.put("status", permit.status().name().toLowerCase(Locale.ROOT));
        date(properties, "issuedOn", permit.issuedOn());
        date(properties, "occupiedFrom", permit.occupiedFrom());
        date(properties, "occupiedUntil", permit.occupiedUntil());
        date(properties, "validUntil", permit.validUntil());
        ArrayNode basis;
        if (permit.basis() == null) {
            properties.putNull("decidedBy");
            properties.putNull("decidedAt");
            basis = properties.putArray("basis");
        } else {
            properties.put("decidedBy", permit.basis().decidedBy());
            if (permit.basis().decidedAt() == null) {
                properties.putNull("decidedAt");
            } else {
                properties.put("decidedAt", permit.basis().decidedAt().toString());
            }
            basis = properties.putArray("basis");
            for (PublicCriterion criterion : permit.basis().criteria()) {
                ObjectNode entry = basis.addObject();
                entry.put("criterion", criterion.criterion());
                entry.put("title", Optional.ofNullable(labels.text(criterion.title())).orElse(criterion.criterion()));
                entry.put("passed", criterion.passed());
                entry.put("legalBasis", labels.text(criterion.legalBasis()));
            }
        }
        ArrayNode links = feature.putArray("links");
        String path = root + "/collections/" + segment(collectionId);
        link(links, path + "/items/" + segment(permit.id()), "self", Answer.GEOJSON, null);
        link(links, path, "collection", Answer.JSON, null);
        return feature;
    }

    private static void date(ObjectNode node, String name, LocalDate date) {
        if (date == null) {
            node.putNull(name);
        } else {
            node.put(name, date.toString());
        }
    }

    // ---------------------------------------------------------------- collections

    List<String> collectionIds() {
        List<String> ids = new ArrayList<>();
        ids.add(ALL);
        catalogue.all().stream().map(EServiceDefinition::id).filter(id -> !ALL.equals(id)).sorted().forEach(ids::add);
        return ids;
    }

    private void requireCollection(String collectionId) {
        if (!ALL.equals(collectionId) && catalogue.find(collectionId).isEmpty()) {
            throw OgcProblem.notFound("There is no collection " + collectionId);
        }
    }

    private String collectionTitle(String id, String lang) {
        if (ALL.equals(id)) {
            return Texts.get("permits", lang);
        }
        return catalogue.find(id).map(d -> d.title().in(List.of(Locale.forLanguageTag(lang)))).orElse(id);
    }

    private ObjectNode collection(String root, String id, String lang) {
        ObjectNode collection = json.createObjectNode();
        collection.put("id", id);
        collection.put("title", collectionTitle(id, lang));
        collection.put("description", ALL.equals(id) ? Texts.get("permitsDescription", lang)
                : catalogue.find(id).map(d -> d.description().in(List.of(Locale.forLanguageTag(lang)))).orElse(""));
        collection.put("itemType", "feature");
        PublicExtent extent = extent(id);
        if (extent.bbox() != null || extent.first() != null) {
            ObjectNode node = collection.putObject("extent");
            if (extent.bbox() != null) {
                BoundingBox box = extent.bbox();
                ObjectNode spatial = node.putObject("spatial");
                ArrayNode boxes = spatial.putArray("bbox").addArray();
                boxes.add(box.west()).add(box.south()).add(box.east()).add(box.north());
                spatial.put("crs", Crs.CRS84.uri());
            }
            if (extent.first() != null || extent.last() != null) {
                ObjectNode temporal = node.putObject("temporal");
                ArrayNode interval = temporal.putArray("interval").addArray();
                if (extent.first() == null) {
                    interval.addNull();
                } else {
                    interval.add(extent.first() + "T00:00:00Z");
                }
                if (extent.last() == null) {
                    interval.addNull();
                } else {
                    interval.add(extent.last() + "T23:59:59Z");
                }
                temporal.put("trs", GREGORIAN);
            }
        }
        ArrayNode crs = collection.putArray("crs");
        Crs.uris().forEach(crs::add);
        collection.put("storageCrs", Crs.STORAGE.uri());
        ArrayNode links = collection.putArray("links");
        String path = root + "/collections/" + segment(id);
        link(links, path, "self", Answer.JSON, collectionTitle(id, lang));
        link(links, path + "?f=html", "alternate", "text/html", collectionTitle(id, lang));
        link(links, path + "/items", "items", Answer.GEOJSON, Texts.get("items", lang));
        link(links, path + "/items?f=html", "items", "text/html", Texts.get("items", lang));
        return collection;
    }

    private PublicExtent extent(String id) {
        Instant now = clock.instant();
        Cached cached = extents.get(id);
        if (cached == null || now.isAfter(cached.until())) {
            cached = new Cached(permits.extent(ALL.equals(id) ? null : id), now.plus(extentTtl));
            extents.put(id, cached);
        }
        return cached.extent();
    }

    // ---------------------------------------------------------------- the OpenAPI document

    private ObjectNode openApi(String root) {
        try (InputStream in = OgcService.class.getResourceAsStream("openapi.json")) {
            ObjectNode document = (ObjectNode) json.readTree(in);
            ((ObjectNode) document.withArray("servers").get(0)).put("url", root);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("the bundle's OpenAPI document cannot be read", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Unknown query parameters are a 400: a typing mistake (bbbox) would otherwise return everything. */
    private static void allowOnly(Call call, Set<String> own) {
        Set<String> unknown = new HashSet<>(call.query().keySet());
        unknown.removeAll(EVERYWHERE);
        unknown.removeAll(own);
        if (!unknown.isEmpty()) {
            String name = unknown.stream().sorted().findFirst().orElseThrow();
            throw OgcProblem.badParameter(name, "this resource takes no parameter " + name
                    + (own.isEmpty() ? "" : "; it takes " + String.join(", ", own.stream().sorted().toList()))
                    + ", f and lang");
        }
    }

    private void selfAndAlternate(ArrayNode links, String url, Negotiation.Format format, String jsonType, String lang) {
        String separator = url.contains("?") ? "&" : "?";
        if (format == Negotiation.Format.HTML) {
            link(links, url + separator + "f=html", "self", "text/html", Texts.get("service", lang));
            link(links, url + separator + "f=json", "alternate", jsonType, "JSON");
        } else {
            link(links, url + separator + "f=json", "self", jsonType, "JSON");
            link(links, url + separator + "f=html", "alternate", "text/html", "HTML");
        }
    }

    static void link(ArrayNode links, String href, String rel, String type, String title) {
        ObjectNode link = links.addObject();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        if (title != null) {
            link.put("title", title);
        }
    }

    /** A query string with every parameter as given, and {@code name} set to {@code value}. */
    static String query(Map<String, List<String>> parameters, String name, String value) {
        Map<String, List<String>> all = new LinkedHashMap<>(parameters);
        all.put(name, List.of(value));
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : all.entrySet()) {
            for (String v : parameter.getValue()) {
                query.append(query.length() == 0 ? '?' : '&').append(component(parameter.getKey())).append('=')
                        .append(component(v));
            }
        }
        return query.toString();
    }

    private static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",")
                .replace("%3A", ":").replace("%2F", "/");
    }

    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer json(JsonNode body, String mediaType, String lang) {
        try {
            return Answer.ok(mediaType, json.writeValueAsBytes(body), lang);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static Answer html(String page, String lang) {
        return Answer.ok(Answer.HTML, page.getBytes(StandardCharsets.UTF_8), lang);
    }

    /** The problem body for a 4xx or 5xx, as JSON or, for a browser, as a page. */
    Answer problem(int status, String title, String detail, String pointer, String incident, Call call) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (incident != null) {
            body.put("incident", incident);
        }
        if (pointer != null) {
            ArrayNode errors = body.putArray("errors");
            ObjectNode error = errors.addObject();
            error.put("pointer", pointer);
            error.put("detail", detail);
        }
        boolean asHtml;
        String lang;
        try {
            asHtml = call != null && Negotiation.format(call.query(), call.accept()) == Negotiation.Format.HTML;
            lang = call == null ? "en" : Negotiation.language(call.query(), call.acceptLanguage());
        } catch (OgcProblem e) {
            asHtml = false;
            lang = "en";
        }
        try {
            byte[] bytes = asHtml ? Html.problem(body, lang).getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
            return new Answer(status, asHtml ? Answer.HTML : Answer.PROBLEM, bytes, Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
