package org.raekoda.ogc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raekoda.api.map.PublicStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OgcServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private final InMemoryPublicPermits permits = new InMemoryPublicPermits();
    private final OgcService service = Fixtures.service(permits);

    private static OgcService.Call call(String query) {
        return new OgcService.Call(Fixtures.ROOT, OgcResource.query(query), null, null);
    }

    private static OgcService.Call call(String query, String accept, String acceptLanguage) {
        return new OgcService.Call(Fixtures.ROOT, OgcResource.query(query), accept, acceptLanguage);
    }

    private static JsonNode json(Answer answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private static String href(JsonNode links, String rel) {
        for (JsonNode link : links) {
            if (rel.equals(link.path("rel").asText())) {
                return link.path("href").asText();
            }
        }
        return null;
    }

    private void tartu(int count) {
        for (int i = 0; i < count; i++) {
            permits.add(Fixtures.permit(String.format("EX-%03d", i), "excavation", PublicStatus.ISSUED, DAY,
                    DAY.plusDays(30), Fixtures.point(26.7223 + i * 0.001, 58.38019)));
        }
    }

    @Test
    void landingPageLinksTheFourResourcesOfPartOne() throws Exception {
        Answer answer = service.landing(call(null));
        assertEquals("application/json", answer.mediaType());
        JsonNode links = json(answer).path("links");
        assertEquals(Fixtures.ROOT + "/api", href(links, "service-desc"));
        assertEquals(Fixtures.ROOT + "/conformance", href(links, "conformance"));
        assertEquals(Fixtures.ROOT + "/collections", href(links, "data"));
        assertTrue(href(links, "service-doc").endsWith("f=html"));
        assertTrue(href(links, "alternate").endsWith("f=html"));
        for (JsonNode link : links) {
            if (link.path("rel").asText().equals("service-desc")) {
                assertEquals("application/vnd.oai.openapi+json;version=3.0", link.path("type").asText());
            }
        }
    }

    @Test
    void conformanceDeclaresPartOneAndTwo() throws Exception {
        Set<String> classes = new HashSet<>();
        json(service.conformance(call(null))).path("conformsTo").forEach(c -> classes.add(c.asText()));
        assertEquals(Set.copyOf(OgcService.CONFORMANCE), classes);
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    }

    @Test
    void collectionsAreEveryPermitAndOnePerEServiceWithLocalizedTitlesExtentAndCrs() throws Exception {
        tartu(2);
        JsonNode body = json(service.collections(call("lang=et")));
        List<String> ids = new ArrayList<>();
        body.path("collections").forEach(c -> ids.add(c.path("id").asText()));
        assertEquals(List.of("permits", "excavation", "tree-felling"), ids);
        JsonNode excavation = body.path("collections").get(1);
        assertEquals("Kaevetööd", excavation.path("title").asText());
        assertEquals("Väljastatud load", body.path("collections").get(0).path("title").asText());
        assertEquals(6, excavation.path("crs").size());
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", excavation.path("storageCrs").asText());
        JsonNode box = excavation.path("extent").path("spatial").path("bbox").get(0);
        assertEquals(26.7223, box.get(0).asDouble(), 1e-9);
        assertEquals(58.38019, box.get(3).asDouble(), 1e-9);
        assertEquals("2026-12-01T00:00:00Z", excavation.path("extent").path("temporal").path("interval").get(0).get(0).asText());
        assertTrue(json(service.collections(call(null))).path("collections").get(2).path("extent").isMissingNode(),
                "a collection with no permits has no extent");
    }

    @Test
    void theFeatureIsTheSharedPublicJson() throws Exception {
        tartu(1);
        JsonNode feature = json(service.item(call("lang=et"), "excavation", "EX-000"));
        assertEquals("Feature", feature.path("type").asText());
        assertEquals("EX-000", feature.path("id").asText());
        assertEquals("Point", feature.path("geometry").path("type").asText());
        JsonNode p = feature.path("properties");
        assertEquals(List.of("permitNumber", "service", "serviceTitle", "organization", "organizationName", "status",
                "issuedOn", "occupiedFrom", "occupiedUntil", "validUntil", "decidedBy", "decidedAt", "basis"),
                fieldNames(p));
        assertEquals("EX-000", p.path("permitNumber").asText());
        assertEquals("Kaevetööd", p.path("serviceTitle").asText());
        assertEquals("Demolinn", p.path("organizationName").asText());
        assertEquals("issued", p.path("status").asText());
        assertEquals("2026-12-04", p.path("occupiedFrom").asText());
        assertEquals("rules", p.path("decidedBy").asText());
        assertEquals("2026-11-30T08:00:00Z", p.path("decidedAt").asText());
        JsonNode criterion = p.path("basis").get(0);
        assertEquals(List.of("criterion", "title", "passed", "legalBasis"), fieldNames(criterion));
        assertEquals("Kaeve sügavus kuni 2 m", criterion.path("title").asText());
        assertEquals("Tänavaeeskiri § 4", criterion.path("legalBasis").asText());
        assertEquals(Fixtures.ROOT + "/collections/excavation", href(feature.path("links"), "collection"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void pagingVisitsEveryPermitOnceAndNextCarriesEveryParameter() throws Exception {
        tartu(7);
        permits.add(Fixtures.permit("TF-1", "tree-felling", PublicStatus.ISSUED, DAY, DAY.plusDays(5), null));
        Set<String> seen = new HashSet<>();
        String query = "limit=3&bbox=26,58,27,59&lang=et";
        int pages = 0;
        while (query != null) {
            JsonNode page = json(service.items(call(query), "excavation"));
            page.path("features").forEach(f -> assertTrue(seen.add(f.path("id").asText()), "twice: " + f));
            assertEquals(7, page.path("numberMatched").asInt());
            assertEquals(page.path("features").size(), page.path("numberReturned").asInt());
            String next = href(page.path("links"), "next");
            if (next != null) {
                assertTrue(next.contains("bbox=26,58,27,59") && next.contains("lang=et") && next.contains("limit=3"), next);
                query = next.substring(next.indexOf('?') + 1);
            } else {
                query = null;
            }
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        JsonNode last = json(service.items(call("limit=3&offset=6"), "excavation"));
        assertTrue(href(last.path("links"), "prev").contains("offset=3"));
        assertEquals(8, json(service.items(call(null), "permits")).path("numberReturned").asInt());
    }

    @Test
    void withoutACountNextFollowsAFullPage() throws Exception {
        tartu(4);
        permits.maxCounted = 2;
        JsonNode page = json(service.items(call("limit=2"), "excavation"));
        assertTrue(page.path("numberMatched").isMissingNode());
        assertTrue(href(page.path("links"), "next").contains("offset=2"));
    }

    @Test
    void onlyIssuedPermitsInTheDefaultViewAndOthersByStatus() throws Exception {
        tartu(1);
        permits.add(Fixtures.permit("EX-OLD", "excavation", PublicStatus.EXPIRED, DAY.minusYears(2), DAY.minusYears(1), null));
        permits.add(Fixtures.permit("EX-REV", "excavation", PublicStatus.REVOKED, DAY, DAY.plusDays(9), null));
        assertEquals(1, json(service.items(call(null), "excavation")).path("numberReturned").asInt());
        assertEquals(2, json(service.items(call("status=expired,revoked"), "excavation")).path("numberReturned").asInt());
        assertEquals("expired", json(service.item(call(null), "permits", "EX-OLD")).path("properties").path("status").asText());
    }

    @Test
    void datetimeMatchesTheOverlapOfThePermitsTime() throws Exception {
        tartu(1); // its time runs from 2026-12-01 to 2026-12-31
        assertEquals(1, matched("datetime=2026-12-15"));
        assertEquals(1, matched("datetime=2026-12-15&datetime=2026-12-15"), "the same value twice is one");
        assertEquals(1, matched("datetime=2026-12-31T23:00:00Z"));
        assertEquals(0, matched("datetime=2027-01-01"));
        assertEquals(1, matched("datetime=../2026-12-01"));
        assertEquals(0, matched("datetime=../2026-11-30"));
        assertEquals(1, matched("datetime=2026-12-31/.."));
        assertEquals(1, matched("datetime=2026-11-01T00:00:00Z/2026-12-01T00:00:00Z"));
        assertEquals(1, matched("datetime=/2026-12-05"));
        assertEquals(0, matched("datetime=2027-01-01T/.."), "GDAL 3.6 writes a day as 2027-01-01T");
    }

    private int matched(String query) throws Exception {
        return json(service.items(call(query), "excavation")).path("numberMatched").asInt();
    }

    @Test
    void aNationalGridAnswersNorthingFirstAndNamesItsCrs() throws Exception {
        permits.add(Fixtures.permit("EX-T", "excavation", PublicStatus.ISSUED, DAY, DAY.plusDays(30),
                Fixtures.point(26.72230, 58.38019)));
        Answer answer = service.items(call("crs=http://www.opengis.net/def/crs/EPSG/0/3301"), "excavation");
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/3301>", answer.headers().get("Content-Crs"));
        JsonNode position = json(answer).path("features").get(0).path("geometry").path("coordinates");
        assertEquals(6474310.786, position.get(0).asDouble(), 0.01);
        assertEquals(659215.137, position.get(1).asDouble(), 0.01);
        // The same box in L-EST97 (northing, easting) finds it; one a kilometre east does not.
        assertEquals(1, json(service.items(call("bbox=6474000,659000,6474600,659400&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/3301"), "excavation")).path("numberMatched").asInt());
        assertEquals(0, json(service.items(call("bbox=6474000,660300,6474600,660700&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/3301"), "excavation")).path("numberMatched").asInt());
        // EPSG:4326 is latitude first, for output and for bbox-crs.
        JsonNode latLon = json(service.item(call("crs=http://www.opengis.net/def/crs/EPSG/0/4326"), "excavation", "EX-T"));
        assertEquals(58.38019, latLon.path("geometry").path("coordinates").get(0).asDouble(), 1e-9);
        assertEquals(1, json(service.items(call("bbox=58.3,26.7,58.4,26.8&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4326"), "excavation")).path("numberMatched").asInt());
        assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>",
                service.items(call(null), "excavation").headers().get("Content-Crs"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bbox=1,2,3", "bbox=1,2,3,4,5", "bbox=a,b,c,d", "bbox=0,60,1,59", "bbox=0,0,1,",
        "bbox=-200,0,1,1", "datetime=yesterday", "datetime=2026-13-01", "datetime=2026-12-02/2026-12-01",
        "datetime=..", "datetime=a/b/c", "limit=0", "limit=-1", "limit=ten", "offset=-1", "offset=x",
        "crs=EPSG:9999", "crs=http://www.opengis.net/def/crs/EPSG/0/9999", "bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3301",
        "status=pending", "organization=Demo%20Town", "f=xml", "lang=fi", "bbox=1,2,3,4&bbox=1,2,3,5", "bbbox=1,2,3,4",
        "bbox=0,0,1,1&bbox-crs=http://example.org/crs"})
    void badParametersAre400NamingTheParameter(String query) {
        OgcProblem problem = assertThrows(OgcProblem.class, () -> service.items(call(query), "excavation"));
        assertEquals(400, problem.status());
        String name = query.substring(0, query.indexOf('='));
        String expected = query.contains("bbox-crs=http://example") ? "/query/bbox-crs" : "/query/" + name;
        assertEquals(expected, problem.pointer(), query);
    }

    @Test
    void aLargeLimitIsClampedToTheMaximum() {
        assertEquals(10_000, ItemsQuery.limit("50000"));
        assertEquals(10_000, ItemsQuery.limit("999999999999"));
    }

    @Test
    void unknownCollectionsAndPermitsOfAnotherCollectionAre404() {
        tartu(1);
        assertEquals(404, assertThrows(OgcProblem.class, () -> service.items(call(null), "nope")).status());
        assertEquals(404, assertThrows(OgcProblem.class, () -> service.collection(call(null), "nope")).status());
        assertEquals(404, assertThrows(OgcProblem.class,
                () -> service.item(call(null), "tree-felling", "EX-000")).status());
        assertEquals(404, assertThrows(OgcProblem.class, () -> service.item(call(null), "permits", "EX-999")).status());
        assertEquals(400, assertThrows(OgcProblem.class, () -> service.landing(call("limit=1"))).status(),
                "the landing page takes no limit");
    }

    @Test
    void htmlForEveryResourceByAcceptOrF() throws Exception {
        tartu(1);
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        List<Answer> pages = List.of(service.landing(call(null, browser, "et-EE,et;q=0.9")),
                service.conformance(call("f=html")), service.api(call("f=html")), service.collections(call("f=html")),
                service.collection(call("f=html"), "excavation"), service.items(call("f=html"), "excavation"),
                service.item(call("f=html&lang=sv"), "excavation", "EX-000"));
        for (Answer page : pages) {
            assertEquals("text/html;charset=UTF-8", page.mediaType());
            assertTrue(page.text().startsWith("<!DOCTYPE html>"));
            assertTrue(page.text().contains("<h1>"));
            assertTrue(page.text().contains("rel=\"alternate\""), "a link to the JSON");
            assertFalse(page.text().contains("<script"));
        }
        assertTrue(pages.get(0).text().contains("<html lang=\"et\">"));
        assertTrue(pages.get(6).text().contains("<html lang=\"sv\">"));
        assertEquals("application/json", service.landing(call(null, "application/json,text/html;q=0.5", null)).mediaType());
        assertEquals("application/json", service.landing(call(null, "*/*", null)).mediaType());
    }

    @Test
    void htmlEscapesEveryValue() throws Exception {
        permits.add(Fixtures.permit("<script>alert(1)</script>", "excavation", PublicStatus.ISSUED, DAY,
                DAY.plusDays(3), null));
        String page = service.items(call("f=html"), "excavation").text();
        assertFalse(page.contains("<script>alert"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(service.item(call("f=html"), "excavation", "<script>alert(1)</script>").text().contains("<script>"));
    }

    @Test
    void languageFromLangThenAcceptLanguageThenEnglish() {
        assertEquals("lv", Negotiation.language(Map.of("lang", List.of("lv")), "et"));
        assertEquals("sv", Negotiation.language(Map.of(), "fi;q=0.9, sv;q=0.8"));
        assertEquals("en", Negotiation.language(Map.of(), "fi"));
        assertEquals("en", Negotiation.language(Map.of(), ";;;garbage"));
        assertEquals("en", Negotiation.language(new LinkedHashMap<>(), null));
    }

    @Test
    void aServerFaultIsA500WithAnIncident() throws Exception {
        Answer answer = service.problem(500, "Internal Server Error", "failed", null, "abc", call(null));
        assertEquals("application/problem+json", answer.mediaType());
        assertEquals("abc", json(answer).path("incident").asText());
    }
}
