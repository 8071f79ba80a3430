package org.raekoda.engine.internal.spatial;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.engine.internal.json.Json;

/**
 * Geometry with JTS: reads GeoJSON (WGS 84 longitude/latitude), checks that an application's
 * location is a valid shape, and computes the spatial facts criteria read: which of the
 * organization's zone layers the location touches.
 */
public final class Spatial {

    /** WGS 84 longitude/latitude, the coordinate system of GeoJSON (RFC 7946). */
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private Spatial() {
    }

    /** Metres along one degree of latitude, and of longitude at the equator (WGS 84, rounded). */
    public static final double METRES_PER_DEGREE = 111_320;

    /** Reads a GeoJSON geometry, feature or feature collection. */
    public static Geometry read(String geoJson) throws ParseException {
        return new GeoJsonReader(WGS84).read(geoJson);
    }

    /** Problems with an application's location, as field errors under {@code /location}. */
    public static List<FieldError> problems(Map<String, Object> location) {
        List<FieldError> errors = new ArrayList<>();
        Geometry geometry;
        try {
            geometry = read(Json.write(location));
        } catch (ParseException | RuntimeException e) {
            errors.add(new FieldError("/location", "not a GeoJSON geometry: " + e.getMessage()));
            return errors;
        }
        if (!inWorld(geometry)) {
            errors.add(new FieldError("/location/coordinates", "longitude and latitude in WGS 84 degrees are expected"));
        }
        IsValidOp validity = new IsValidOp(geometry);
        TopologyValidationError error = validity.getValidationError();
        if (error != null) {
            errors.add(new FieldError("/location/coordinates", "not a valid shape: " + error.getMessage()));
        }
        return errors;
    }

    /** Whether every coordinate is a WGS 84 longitude and latitude. */
    static boolean inWorld(Geometry geometry) {
        return WORLD.contains(geometry.getEnvelopeInternal());
    }

    /**
     * Whether two shapes touch or come within the given distance. Distances are measured on a local
     * equirectangular projection around the first shape, which within a municipality's extent is accurate to
     * well under a percent; 0 metres means they must intersect.
     */
    public static boolean withinMetres(Geometry first, Geometry second, double metres) {
        if (metres <= 0) {
            return first.intersects(second);
        }
        double latitude = first.getEnvelopeInternal().centre().y;
        AffineTransformation toMetres = AffineTransformation.scaleInstance(
                METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude)), METRES_PER_DEGREE);
        return toMetres.transform(first).isWithinDistance(toMetres.transform(second), metres);
    }

    /** Degrees of longitude and of latitude that make the given metres at a latitude. */
    public static double[] degrees(double metres, double latitude) {
        double cos = Math.max(0.01, Math.cos(Math.toRadians(latitude)));
        return new double[] {metres / (METRES_PER_DEGREE * cos), metres / METRES_PER_DEGREE};
    }

    /**
     * The spatial facts of a location: {@code zones}, the names of the zone layers it touches, and
     * {@code inZone}, a yes or no for every layer the organization has loaded. A criterion that reads a
     * layer the organization has not loaded sees no value, and the application goes to an officer.
     */
    public static Map<String, Object> facts(Map<String, Object> location, Map<String, PreparedGeometry> zoneLayers) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (location == null) {
            return facts;
        }
        facts.put("geometry", location);
        try {
            Geometry geometry = read(Json.write(location));
            List<String> zones = new ArrayList<>();
            Map<String, Object> inZone = new LinkedHashMap<>();
            for (Map.Entry<String, PreparedGeometry> layer : zoneLayers.entrySet()) {
                boolean touches = layer.getValue().intersects(geometry);
                inZone.put(layer.getKey(), touches);
                if (touches) {
                    zones.add(layer.getKey());
                }
            }
            facts.put("zones", zones);
            facts.put("inZone", inZone);
        } catch (ParseException e) {
            // Locations are checked on submission and layers when loaded; an unreadable one yields no facts.
        }
        return facts;
    }
}
