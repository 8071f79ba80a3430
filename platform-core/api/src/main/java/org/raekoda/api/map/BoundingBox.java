package org.raekoda.api.map;

/**
 * A rectangle in OGC:CRS84 (WGS 84 longitude, latitude in degrees). A box that crosses the antimeridian has
 * {@code west > east}, as OGC API – Features allows.
 */
public record BoundingBox(double west, double south, double east, double north) {

    public BoundingBox {
        if (!Double.isFinite(west) || !Double.isFinite(south) || !Double.isFinite(east) || !Double.isFinite(north)) {
            throw new IllegalArgumentException("a bounding box has four finite numbers");
        }
        if (west < -180 || west > 180 || east < -180 || east > 180) {
            throw new IllegalArgumentException("longitudes lie between -180 and 180");
        }
        if (south < -90 || north > 90 || south > north) {
            throw new IllegalArgumentException("latitudes lie between -90 and 90, south before north");
        }
    }

    /** Whether the box crosses the antimeridian. */
    public boolean crossesAntimeridian() {
        return west > east;
    }
}
