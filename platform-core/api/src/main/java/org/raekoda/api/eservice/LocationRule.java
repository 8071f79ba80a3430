package org.raekoda.api.eservice;

/**
 * Whether an application must say where, and as which shape.
 *
 * @param required whether a location is required
 * @param geometry the GeoJSON geometry kind expected, or null when no location is asked for
 */
public record LocationRule(boolean required, GeometryKind geometry) {

    public static LocationRule none() {
        return new LocationRule(false, null);
    }
}
