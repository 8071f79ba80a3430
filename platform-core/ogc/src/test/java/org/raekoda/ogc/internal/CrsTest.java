package org.raekoda.ogc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known places in each national grid. The longitudes and latitudes are the landmarks' positions on
 * OpenStreetMap; the grid coordinates were computed with PROJ 9.1 (Debian's gdaltransform, from the EPSG
 * database), an implementation independent of Proj4J, and are written in the EPSG axis order of each grid
 * (northing first in all four).
 */
class CrsTest {

    /** A centimetre: Proj4J and PROJ use the same ellipsoid formulas, so they agree far closer than this. */
    private static final double CENTIMETRE = 0.01;

    @ParameterizedTest(name = "{0} in {3}")
    @CsvSource({
        // Tartu town hall (Raekoja plats 1) in L-EST97
        "Tartu town hall, 26.72230, 58.38019, L_EST97, 6474310.786, 659215.137",
        // the Freedom Monument in Riga in LKS-92 / Latvia TM
        "Riga Freedom Monument, 24.11326, 56.95151, LKS92, 311993.969, 506889.249",
        // Stockholm City Hall in SWEREF 99 TM
        "Stockholm City Hall, 18.05449, 59.32745, SWEREF99_TM, 6580500.229, 673778.967",
        // Tartu town hall again, far east of SWEREF 99 TM's zone, where the projection still holds
        "Tartu town hall, 26.72230, 58.38019, SWEREF99_TM, 6530890.545, 1183358.425",
        // the Alexander Nevsky Cathedral in Sofia in BGS2005 / CCS2005
        "Sofia cathedral, 23.33284, 42.69594, BGS2005, 4731217.601, 322450.229"
    })
    void aKnownPlaceLandsOnItsPublishedGridCoordinates(String place, double lon, double lat, Crs crs, double north,
            double east) {
        double[] grid = crs.fromCrs84().apply(lon, lat);
        assertEquals(north, grid[0], CENTIMETRE, place + " northing");
        assertEquals(east, grid[1], CENTIMETRE, place + " easting");
        double[] back = crs.toCrs84().apply(grid[0], grid[1]);
        assertArrayEquals(new double[] {lon, lat}, back, 1e-8, place + " back in CRS84");
    }

    @ParameterizedTest
    @CsvSource({"CRS84, 26.7223, 58.38019", "WGS84, 58.38019, 26.7223"})
    void geographicAxisOrderFollowsTheRegistry(Crs crs, double first, double second) {
        assertArrayEquals(new double[] {first, second}, crs.fromCrs84().apply(26.7223, 58.38019));
        assertArrayEquals(new double[] {26.7223, 58.38019}, crs.toCrs84().apply(first, second));
    }
}
