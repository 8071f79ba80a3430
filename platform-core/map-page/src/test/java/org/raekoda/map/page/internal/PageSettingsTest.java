package org.raekoda.map.page.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageSettingsTest {

    @Test
    void withNothingSetThePageNeedsOnlyItsOwnOrigin() {
        PageSettings settings = PageSettings.of(TestConfigs.none());
        assertNull(settings.tileUrl());
        assertEquals(List.of(), settings.problems());
        String policy = settings.contentSecurityPolicy();
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertTrue(policy.contains("img-src 'self' data: blob:;"), policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        Map<String, Object> page = settings.page(List.of());
        assertNull(page.get("tileUrl"));
        assertNull(page.get("initialCentre"));
        assertEquals(19, page.get("maxZoom"));
    }

    @Test
    void theTileHostAndOnlyItJoinsTheImageSources() {
        PageSettings settings = PageSettings.of(TestConfigs.tiles("https://tiles.example.org/{z}/{x}/{y}.png"));
        assertEquals("https://tiles.example.org", settings.tileSource());
        assertTrue(settings.contentSecurityPolicy().contains("img-src 'self' data: blob: https://tiles.example.org;"));
        assertTrue(settings.contentSecurityPolicy().contains("connect-src 'self';"));
        assertEquals("© Tiles", settings.page(List.of()).get("tileAttribution"));
    }

    @Test
    void aSubdomainRangeAllowsTheSubdomainsOfThatHostOnly() {
        assertEquals("https://*.tile.example.org",
                PageSettings.tileSource("https://{a-c}.tile.example.org/{z}/{x}/{y}.png"));
        assertEquals("http://localhost:8080", PageSettings.tileSource("http://localhost:8080/tiles/{z}/{x}/{-y}.png"));
        // a range on a bare domain would make the source *.org
        assertNull(PageSettings.tileSource("https://{a-c}.org/{z}/{x}/{y}.png"));
    }

    @Test
    void aTileUrlThatWouldBendThePolicyIsDropped() {
        for (String bad : List.of("javascript:alert(1)/{z}/{x}/{y}", "https://tiles.example.org/x.png",
                "https://a.example.org;script-src *;/{z}/{x}/{y}.png", "https://user@tiles.example.org/{z}/{x}/{y}",
                "https://tiles.example.org 'unsafe-inline'/{z}/{x}/{y}", "ftp://tiles.example.org/{z}/{x}/{y}")) {
            PageSettings settings = PageSettings.of(TestConfigs.tiles(bad));
            assertNull(settings.tileUrl(), bad);
            assertNull(settings.page(List.of()).get("tileAttribution"), bad);
            assertEquals(1, settings.problems().size(), bad);
            assertTrue(settings.contentSecurityPolicy().contains("img-src 'self' data: blob:;"), bad);
        }
    }

    @Test
    void theFirstViewIsReadAndCheckedAsWgs84() {
        PageSettings centred = PageSettings.of(TestConfigs.of("", "", 18, " 26.72, 58.38 ", 21, ""));
        assertArrayEquals(new double[] {26.72, 58.38}, centred.initialCentre());
        assertEquals(18, centred.initialZoom(), "never deeper than the tiles");
        PageSettings framed = PageSettings.of(TestConfigs.of("", "", 19, "", 13, "26.6,58.3,26.8,58.42"));
        assertArrayEquals(new double[] {26.6, 58.3, 26.8, 58.42}, framed.initialExtent());

        PageSettings wrong = PageSettings.of(TestConfigs.of("", "", 40, "58.38", 13, "26.8,58.42,26.6,58.3"));
        assertNull(wrong.initialCentre());
        assertNull(wrong.initialExtent());
        assertEquals(19, wrong.maxZoom());
        assertEquals(3, wrong.problems().size(), wrong.problems().toString());
        assertNull(PageSettings.of(TestConfigs.of("", "", 19, "200,58", 13, "")).initialCentre());
        assertNull(PageSettings.of(TestConfigs.of("", "", 19, "NaN,58", 13, "")).initialCentre());
    }
}
