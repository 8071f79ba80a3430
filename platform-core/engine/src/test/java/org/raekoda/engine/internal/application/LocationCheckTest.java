package org.raekoda.engine.internal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.GeometryKind;
import org.raekoda.api.eservice.LocationRule;

class LocationCheckTest {

    private static final Map<String, Object> POINT = Map.of("type", "Point", "coordinates", List.of(26.72, 58.38));

    @Test
    void aRequiredLocationMustBeThere() {
        assertEquals(List.of("/location"), pointers(LocationCheck.problems(new LocationRule(true, GeometryKind.POINT), null)));
    }

    @Test
    void anOptionalLocationMayBeMissing() {
        assertTrue(LocationCheck.problems(new LocationRule(false, GeometryKind.POINT), null).isEmpty());
    }

    @Test
    void aServiceWithoutLocationTakesNone() {
        assertEquals(List.of("/location"), pointers(LocationCheck.problems(LocationRule.none(), POINT)));
    }

    @Test
    void theGeometryMustBeOfTheDeclaredType() {
        assertEquals(List.of("/location/type"),
                pointers(LocationCheck.problems(new LocationRule(true, GeometryKind.POLYGON), POINT)));
    }

    @Test
    void coordinatesMustBeThere() {
        assertEquals(List.of("/location/coordinates"), pointers(LocationCheck.problems(
                new LocationRule(true, GeometryKind.POINT), Map.of("type", "Point", "coordinates", "here"))));
    }

    @Test
    void aWellFormedPointPasses() {
        assertTrue(LocationCheck.problems(new LocationRule(true, GeometryKind.POINT), POINT).isEmpty());
    }

    @Test
    void aPointOutsideTheWorldIsRefused() {
        Map<String, Object> offTheMap = Map.of("type", "Point", "coordinates", List.of(726.72, 58.38));
        assertEquals(List.of("/location/coordinates"),
                pointers(LocationCheck.problems(new LocationRule(true, GeometryKind.POINT), offTheMap)));
    }

    private static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }
}
