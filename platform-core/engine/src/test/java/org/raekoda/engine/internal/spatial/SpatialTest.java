package org.raekoda.engine.internal.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.raekoda.engine.internal.json.Json;

class SpatialTest {

    private static final String OLD_TOWN = "{\"type\":\"Polygon\",\"coordinates\":[[[26.70,58.37],[26.72,58.37],"
            + "[26.72,58.39],[26.70,58.39],[26.70,58.37]]]}";

    private static PreparedGeometry prepared(String geoJson) throws Exception {
        return PreparedGeometryFactory.prepare(Spatial.read(geoJson));
    }

    @Test
    void factsSayWhichLoadedLayersALocationTouches() throws Exception {
        Map<String, Object> inside = Json.readMap("{\"type\":\"Point\",\"coordinates\":[26.71,58.38]}");
        Map<String, Object> facts = Spatial.facts(inside, Map.of("heritage", prepared(OLD_TOWN)));
        assertEquals(List.of("heritage"), facts.get("zones"));
        assertEquals(Map.of("heritage", true), facts.get("inZone"));

        Map<String, Object> outside = Json.readMap("{\"type\":\"Point\",\"coordinates\":[26.80,58.38]}");
        assertEquals(Map.of("heritage", false), Spatial.facts(outside, Map.of("heritage", prepared(OLD_TOWN)))
                .get("inZone"));
    }

    @Test
    void aLayerNotLoadedGivesNoValueSoTheCriterionCannotPass() {
        Map<String, Object> point = Json.readMap("{\"type\":\"Point\",\"coordinates\":[26.71,58.38]}");
        Map<?, ?> inZone = (Map<?, ?>) Spatial.facts(point, Map.of()).get("inZone");
        assertFalse(inZone.containsKey("heritage"));
        assertTrue(Spatial.facts(null, Map.of()).isEmpty());
    }

    @Test
    void aLineTouchingTheZoneEdgeCounts() throws Exception {
        Map<String, Object> street = Json.readMap(
                "{\"type\":\"LineString\",\"coordinates\":[[26.60,58.38],[26.70,58.38]]}");
        assertEquals(List.of("heritage"), Spatial.facts(street, Map.of("heritage", prepared(OLD_TOWN))).get("zones"));
    }

    @Test
    void distancesAreInMetresOnTheGround() throws Exception {
        Geometry here = Spatial.read("{\"type\":\"Point\",\"coordinates\":[26.7200,58.3800]}");
        // 0.0001 degrees of longitude at 58.38° N is about 5.8 m.
        Geometry east = Spatial.read("{\"type\":\"Point\",\"coordinates\":[26.7201,58.3800]}");
        assertTrue(Spatial.withinMetres(here, east, 6));
        assertFalse(Spatial.withinMetres(here, east, 5));
    }

    @Test
    void aLocationMustBeAValidShapeInDegrees() {
        assertEquals("/location/coordinates", Spatial.problems(Json.readMap("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[26.70,58.37],[26.71,58.38],[26.71,58.37],[26.70,58.38],[26.70,58.37]]]}")).get(0).pointer());
        assertEquals("/location/coordinates", Spatial.problems(Json.readMap(
                "{\"type\":\"Point\",\"coordinates\":[659000,6474000]}")).get(0).pointer());
        assertEquals(List.of(), Spatial.problems(Json.readMap(OLD_TOWN)));
    }
}
