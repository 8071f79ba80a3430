package org.raekoda.engine.internal.spatial;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.engine.internal.json.Json;

/**
 * Checks a zone layer before it is stored: GeoJSON in WGS 84, within the size limits, and every feature a
 * valid shape. A self-crossing polygon would make "is this place in the zone?" answer wrongly or not at all,
 * so it is refused with the feature named, for the GIS staff to mend it at its source.
 */
public final class ZoneLayerCheck {

    /** GeoJSON text of one layer; the REST layer refuses larger bodies before reading them (413). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Vertices of one layer: a detailed town plan has tens of thousands. */
    public static final int MAX_VERTICES = 250_000;
    /** Layers of one organization. */
    public static final int MAX_LAYERS = 32;

    private ZoneLayerCheck() {
    }

    /**
     * The problems with a layer, each at the JSON Pointer of the feature or geometry it concerns; none when it
     * may be stored.
     */
    public static List<FieldError> problems(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            return List.of(new FieldError("", "a GeoJSON geometry, feature or feature collection is required"));
        }
        if (geoJson.length() > MAX_BYTES) {
            return List.of(new FieldError("", "a layer may be at most " + MAX_BYTES / (1024 * 1024) + " MiB"));
        }
        JsonNode document;
        try {
            document = Json.readTree(geoJson);
        } catch (RuntimeException e) {
            return List.of(new FieldError("", "not JSON"));
        }
        List<Shape> shapes = new ArrayList<>();
        switch (document.path("type").asText()) {
            case "FeatureCollection" -> {
                JsonNode features = document.path("features");
                if (!features.isArray() || features.isEmpty()) {
                    return List.of(new FieldError("/features", "a feature collection needs at least one feature"));
                }
                for (int i = 0; i < features.size(); i++) {
                    shapes.add(new Shape("/features/" + i + "/geometry", name(features.get(i), i),
                            features.get(i).path("geometry")));
                }
            }
            case "Feature" -> shapes.add(new Shape("/geometry", name(document, 0), document.path("geometry")));
            default -> shapes.add(new Shape("", "the layer", document));
        }
        List<FieldError> problems = new ArrayList<>();
        long vertices = 0;
        for (Shape shape : shapes) {
            Geometry geometry;
            try {
                geometry = Spatial.read(shape.geometry().toString());
            } catch (ParseException | RuntimeException e) {
                problems.add(new FieldError(shape.pointer(), shape.name() + " is not a GeoJSON geometry"));
                continue;
            }
            if (geometry.isEmpty()) {
                problems.add(new FieldError(shape.pointer(), shape.name() + " has no coordinates"));
                continue;
            }
            vertices += geometry.getNumPoints();
            if (vertices > MAX_VERTICES) {
                return List.of(new FieldError("", "a layer may have at most " + MAX_VERTICES + " vertices"));
            }
            if (!Spatial.inWorld(geometry)) {
                problems.add(new FieldError(shape.pointer() + "/coordinates", shape.name()
                        + " is outside longitude -180..180 and latitude -90..90 (WGS 84 degrees are expected)"));
                continue;
            }
            TopologyValidationError error = new IsValidOp(geometry).getValidationError();
            if (error != null) {
                problems.add(new FieldError(shape.pointer() + "/coordinates", shape.name() + " is not a valid shape: "
                        + error.getMessage() + " near " + error.getCoordinate().x + ", " + error.getCoordinate().y));
            }
            if (problems.size() >= 20) {
                break;
            }
        }
        return problems;
    }

    /** A feature as its owners call it: its {@code name} property, else its id, else its place in the list. */
    private static String name(JsonNode feature, int index) {
        String name = feature.path("properties").path("name").asText("");
        if (name.isEmpty()) {
            name = feature.path("id").asText("");
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return name.isEmpty() ? "feature #" + index : "feature \u201c" + shown + "\u201d (#" + index + ")";
    }

    private record Shape(String pointer, String name, JsonNode geometry) {
    }
}
