package org.raekoda.ogc.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems the service offers (OGC API – Features Part 2), each with its axis order as
 * the EPSG registry defines it: CRS84 is longitude, latitude; EPSG:4326 is latitude, longitude; the four national
 * grids are all northing, easting (their EPSG coordinate systems 4530 and 4500 list north first).
 */
enum Crs {

    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", null, false, "WGS 84 longitude, latitude"),
    WGS84("http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326", true, "WGS 84 latitude, longitude"),
    L_EST97("http://www.opengis.net/def/crs/EPSG/0/3301", "EPSG:3301", true, "Estonian Coordinate System of 1997 (L-EST97)"),
    LKS92("http://www.opengis.net/def/crs/EPSG/0/3059", "EPSG:3059", true, "LKS-92 / Latvia TM"),
    SWEREF99_TM("http://www.opengis.net/def/crs/EPSG/0/3006", "EPSG:3006", true, "SWEREF 99 TM"),
    BGS2005("http://www.opengis.net/def/crs/EPSG/0/7801", "EPSG:7801", true, "BGS2005 / CCS2005");

    /** The CRS permits are stored in and answered in when none is asked for. */
    static final Crs STORAGE = CRS84;

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private final String uri;
    private final String epsg;
    private final boolean northFirst;
    private final String title;
    private volatile CoordinateReferenceSystem proj;

    Crs(String uri, String epsg, boolean northFirst, String title) {
        this.uri = uri;
        this.epsg = epsg;
        this.northFirst = northFirst;
        this.title = title;
    }

    String uri() {
        return uri;
    }

    String title() {
        return title;
    }

    static List<String> uris() {
        return Arrays.stream(values()).map(Crs::uri).toList();
    }

    /** The CRS a {@code crs} or {@code bbox-crs} parameter names, by its URI (or the safe CURIE {@code [EPSG:3301]}). */
    static Optional<Crs> byUri(String value) {
        String wanted = value.strip();
        for (Crs crs : values()) {
            if (crs.uri.equals(wanted) || crs.epsg != null && ("[" + crs.epsg + "]").equals(wanted)
                    || crs == CRS84 && "[OGC:CRS84]".equals(wanted)) {
                return Optional.of(crs);
            }
        }
        return Optional.empty();
    }

    private boolean geographic() {
        return this == CRS84 || this == WGS84;
    }

    private CoordinateReferenceSystem proj() {
        CoordinateReferenceSystem known = proj;
        if (known == null) {
            // The definitions come from proj4j-epsg; Proj4J itself always yields easting (or longitude) first.
            known = FACTORY.createFromName(epsg == null ? "EPSG:4326" : epsg);
            proj = known;
        }
        return known;
    }

    /**
     * A transformation from CRS84 into this CRS, in this CRS's axis order. Proj4J's transforms keep state
     * between calls, so each request takes its own.
     */
    Transform fromCrs84() {
        if (geographic()) {
            return northFirst ? (a, b) -> new double[] {b, a} : (a, b) -> new double[] {a, b};
        }
        CoordinateTransform transform = TRANSFORMS.createTransform(CRS84.proj(), proj());
        ProjCoordinate result = new ProjCoordinate();
        return (lon, lat) -> {
            transform.transform(new ProjCoordinate(lon, lat), result);
            return new double[] {result.y, result.x};
        };
    }

    /** A transformation from this CRS, in its axis order, into CRS84 (longitude, latitude). */
    Transform toCrs84() {
        if (geographic()) {
            return northFirst ? (a, b) -> new double[] {b, a} : (a, b) -> new double[] {a, b};
        }
        CoordinateTransform transform = TRANSFORMS.createTransform(proj(), CRS84.proj());
        ProjCoordinate result = new ProjCoordinate();
        return (north, east) -> {
            transform.transform(new ProjCoordinate(east, north), result);
            return new double[] {result.x, result.y};
        };
    }

    /** One position from one CRS into another, as two numbers in the target's axis order. */
    @FunctionalInterface
    interface Transform {
        double[] apply(double first, double second);
    }
}
