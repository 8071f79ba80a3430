package org.raekoda.persistence.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The bounding box of an application's location in CRS84 degrees: what the spatial index holds. The engine
 * checks a location before it is stored; one that does not parse here has no footprint and is never found by a
 * box, rather than failing the write.
 */
record Footprint(double west, double south, double east, double north) {

    private static final GeometryFactory CRS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** The footprint of a GeoJSON geometry, feature or feature collection; null when none or unreadable. */
    static Footprint of(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            return null;
        }
        try {
            Geometry geometry = new GeoJsonReader(CRS84).read(geoJson);
            Envelope box = geometry.getEnvelopeInternal();
            if (box.isNull()) {
                return null;
            }
            return new Footprint(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
