package org.raekoda.api.eservice;

/** The shape of the location an application is about (GeoJSON geometry types). */
public enum GeometryKind {
    POINT("Point"), LINE_STRING("LineString"), POLYGON("Polygon");

    private final String geoJsonType;

    GeometryKind(String geoJsonType) {
        this.geoJsonType = geoJsonType;
    }

    public String geoJsonType() {
        return geoJsonType;
    }

    public static GeometryKind fromGeoJson(String type) {
        for (GeometryKind kind : values()) {
            if (kind.geoJsonType.equals(type)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown geometry type " + type);
    }
}
