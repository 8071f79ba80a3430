package org.raekoda.engine.internal.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException.FieldError;

class ZoneLayerCheckTest {

    private static final String SQUARE = "[[[26.70,58.37],[26.71,58.37],[26.71,58.38],[26.70,58.38],[26.70,58.37]]]";
    /** A bow tie: the ring crosses itself. */
    private static final String BOW_TIE = "[[[26.70,58.37],[26.71,58.38],[26.71,58.37],[26.70,58.38],[26.70,58.37]]]";

    private static String feature(String name, String rings) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void aValidCollectionPasses() {
        assertEquals(List.of(), ZoneLayerCheck.problems(collection(feature("Old town", SQUARE),
                feature("Harbour", SQUARE))));
    }

    @Test
    void aSelfCrossingFeatureIsNamedAtItsPointer() {
        List<FieldError> problems = ZoneLayerCheck.problems(collection(feature("Old town", SQUARE),
                feature("Riverside", BOW_TIE)));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/features/1/geometry/coordinates", problems.get(0).pointer());
        assertTrue(problems.get(0).message().startsWith("feature \u201cRiverside\u201d (#1) is not a valid shape: "
                + "Self-intersection"), problems.get(0).message());
    }

    @Test
    void aGeometryOutsideTheWorldOrNotGeoJsonIsRefused() {
        assertEquals("/features/0/geometry/coordinates", ZoneLayerCheck.problems(collection(
                feature("Projected", "[[[659000,6474000],[660000,6474000],[660000,6475000],[659000,6474000]]]")))
                .get(0).pointer());
        assertEquals("/features/0/geometry", ZoneLayerCheck.problems(collection(
                "{\"type\":\"Feature\",\"id\":\"x1\",\"geometry\":{\"type\":\"Spiral\"}}")).get(0).pointer());
        assertEquals("", ZoneLayerCheck.problems("{not json").get(0).pointer());
        assertEquals("/features", ZoneLayerCheck.problems(collection()).get(0).pointer());
    }

    @Test
    void aLayerWithTooManyVerticesIsRefused() {
        StringBuilder ring = new StringBuilder("[[");
        int points = ZoneLayerCheck.MAX_VERTICES + 10;
        for (int i = 0; i < points; i++) {
            double angle = 2 * Math.PI * i / points;
            ring.append(String.format(Locale.ROOT, "[%.7f,%.7f],", 26.7 + 0.01 * Math.cos(angle),
                    58.37 + 0.01 * Math.sin(angle)));
        }
        ring.append("[26.71,58.37]]]");
        List<FieldError> problems = ZoneLayerCheck.problems(
                "{\"type\":\"Polygon\",\"coordinates\":" + ring + "}");
        assertTrue(problems.get(0).message().contains("at most " + ZoneLayerCheck.MAX_VERTICES + " vertices"),
                problems.toString());
    }
}
