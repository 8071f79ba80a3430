package org.raekoda.engine.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.LocationRule;
import org.raekoda.engine.internal.spatial.Spatial;

/** Whether the location of an application is there when required and of the expected GeoJSON type. */
final class LocationCheck {

    private LocationCheck() {
    }

    static List<FieldError> problems(LocationRule rule, Map<String, Object> location) {
        List<FieldError> errors = new ArrayList<>();
        if (location == null) {
            if (rule.required()) {
                errors.add(new FieldError("/location", "a " + rule.geometry().geoJsonType() + " is required"));
            }
            return errors;
        }
        if (rule.geometry() == null) {
            errors.add(new FieldError("/location", "this e-service takes no location"));
            return errors;
        }
        Object type = location.get("type");
        if (!rule.geometry().geoJsonType().equals(type)) {
            errors.add(new FieldError("/location/type", "must be " + rule.geometry().geoJsonType()));
        }
        if (!(location.get("coordinates") instanceof List)) {
            errors.add(new FieldError("/location/coordinates", "GeoJSON coordinates are required"));
        }
        if (errors.isEmpty()) {
            errors.addAll(Spatial.problems(location));
        }
        return errors;
    }
}
