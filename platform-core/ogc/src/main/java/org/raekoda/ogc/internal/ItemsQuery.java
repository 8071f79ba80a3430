package org.raekoda.ogc.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.raekoda.api.map.BoundingBox;
import org.raekoda.api.map.PublicPermits;
import org.raekoda.api.map.PublicStatus;

/**
 * The query parameters of {@code /collections/{id}/items}, read and checked: every mistake is a 400 naming the
 * parameter, never a 500.
 *
 * @param bbox         the box in CRS84, or null
 * @param from         first day of the datetime filter, or null for an open start
 * @param until        last day of the datetime filter, or null for an open end
 * @param limit        the page size, 1 to {@link PublicPermits#MAX_LIMIT}; a larger one is clamped to it, as
 *                     OGC API – Features allows (requirement /req/core/fc-limit-response-1)
 * @param offset       how many to skip
 * @param statuses     the statuses asked for (empty: the default view, issued only)
 * @param organization the organization asked for, or null
 * @param crs          the CRS of the answer
 */
record ItemsQuery(BoundingBox bbox, LocalDate from, LocalDate until, int limit, long offset,
        Set<PublicStatus> statuses, String organization, Crs crs) {

    static final int DEFAULT_LIMIT = 100;
    /** Parameters of the items resource besides the ones every resource takes (f, lang). */
    static final Set<String> PARAMETERS = Set.of("bbox", "bbox-crs", "datetime", "limit", "offset", "crs", "status",
            "organization");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern ORGANIZATION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    static ItemsQuery read(Map<String, List<String>> query) {
        Crs crs = crs(single(query, "crs"), "crs");
        Crs bboxCrs = crs(single(query, "bbox-crs"), "bbox-crs");
        String bboxText = single(query, "bbox");
        if (bboxText == null && single(query, "bbox-crs") != null) {
            throw OgcProblem.badParameter("bbox-crs", "bbox-crs names the CRS of a bbox, and there is no bbox");
        }
        BoundingBox bbox = bboxText == null ? null : bbox(bboxText, bboxCrs);
        LocalDate[] interval = datetime(single(query, "datetime"));
        int limit = limit(single(query, "limit"));
        long offset = offset(single(query, "offset"));
        Set<PublicStatus> statuses = statuses(single(query, "status"));
        String organization = single(query, "organization");
        if (organization != null && !ORGANIZATION.matcher(organization).matches()) {
            throw OgcProblem.badParameter("organization", "an organization id is lowercase letters, digits and dashes");
        }
        return new ItemsQuery(bbox, interval[0], interval[1], limit, offset, statuses, organization, crs);
    }

    /**
     * The one value of a parameter, or null. Given twice with two values it is a mistake; the same value twice is
     * not (OGC's test suite repeats the parameters of a next link).
     */
    static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.stream().distinct().count() > 1) {
            throw OgcProblem.badParameter(name, name + " is given more than once");
        }
        return values.get(0);
    }

    static Crs crs(String value, String parameter) {
        if (value == null) {
            return Crs.STORAGE;
        }
        return Crs.byUri(value).orElseThrow(() -> OgcProblem.badParameter(parameter,
                "this CRS is not offered; the offered ones are " + String.join(", ", Crs.uris())));
    }

    static BoundingBox bbox(String text, Crs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw OgcProblem.badParameter("bbox", "a bbox is four numbers (or six with heights), separated by commas");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!NUMBER.matcher(part).matches()) {
                throw OgcProblem.badParameter("bbox", "a bbox holds numbers only");
            }
            numbers[i] = Double.parseDouble(part);
        }
        int half = parts.length / 2;
        double a1 = numbers[0];
        double b1 = numbers[1];
        double a2 = numbers[half];
        double b2 = numbers[half + 1];
        if (crs == Crs.CRS84) {
            return crs84Box(a1, b1, a2, b2);
        }
        // Every other offered CRS has north first: lower corner (south, west), upper corner (north, east).
        if (a1 > a2) {
            throw OgcProblem.badParameter("bbox", "the lower corner's northing (or latitude) is greater than the upper's");
        }
        if (crs == Crs.WGS84) {
            return crs84Box(b1, a1, b2, a2);
        }
        if (b1 > b2) {
            throw OgcProblem.badParameter("bbox", "the lower corner's easting is greater than the upper's");
        }
        return projectedBox(crs, a1, b1, a2, b2);
    }

    private static BoundingBox crs84Box(double west, double south, double east, double north) {
        if (south > north) {
            throw OgcProblem.badParameter("bbox", "the south edge lies north of the north edge");
        }
        if (west < -180 || west > 180 || east < -180 || east > 180 || south < -90 || north > 90) {
            throw OgcProblem.badParameter("bbox", "longitudes lie between -180 and 180, latitudes between -90 and 90");
        }
        return new BoundingBox(west, south, east, north);
    }

    /**
     * The CRS84 box around a box of a projected grid: a grid's straight edges are curves in longitude and latitude,
     * so points along every edge are transformed, not only the corners.
     */
    private static BoundingBox projectedBox(Crs crs, double south, double west, double north, double east) {
        Crs.Transform transform = crs.toCrs84();
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            double n = south + (north - south) * i / steps;
            double e = west + (east - west) * i / steps;
            for (double[] grid : new double[][] {{n, west}, {n, east}, {south, e}, {north, e}}) {
                double[] lonLat = transform.apply(grid[0], grid[1]);
                if (!Double.isFinite(lonLat[0]) || !Double.isFinite(lonLat[1])) {
                    throw OgcProblem.badParameter("bbox", "the bbox lies outside the area of its CRS");
                }
                minLon = Math.min(minLon, lonLat[0]);
                maxLon = Math.max(maxLon, lonLat[0]);
                minLat = Math.min(minLat, lonLat[1]);
                maxLat = Math.max(maxLat, lonLat[1]);
            }
        }
        if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
            throw OgcProblem.badParameter("bbox", "the bbox lies outside the area of its CRS");
        }
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    /**
     * The days a datetime filter covers. A permit's time is counted in whole days, so an instant stands for its
     * day in UTC, and an interval from the first instant's day to the last one's.
     */
    static LocalDate[] datetime(String text) {
        if (text == null) {
            return new LocalDate[2];
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw OgcProblem.badParameter("datetime", "a datetime is an instant or an interval start/end");
        }
        if (parts.length == 1) {
            LocalDate day = day(parts[0]);
            if (day == null) {
                throw OgcProblem.badParameter("datetime", "an instant cannot be open (..)");
            }
            return new LocalDate[] {day, day};
        }
        LocalDate start = day(parts[0]);
        LocalDate end = day(parts[1]);
        if (start == null && end == null && !(parts[0].equals("..") && parts[1].equals(".."))
                && !(parts[0].isEmpty() && parts[1].isEmpty())) {
            throw OgcProblem.badParameter("datetime", "an interval has a start or an end");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw OgcProblem.badParameter("datetime", "the interval ends before it starts");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate day(String text) {
        if (text.isEmpty() || text.equals("..")) {
            return null;
        }
        try {
            // GDAL 3.6's OAPIF driver turns a filter on a date field into "2026-12-04T/..": a day, read as one.
            if (text.length() == 11 && (text.charAt(10) == 'T' || text.charAt(10) == 't')) {
                return LocalDate.parse(text.substring(0, 10), DateTimeFormatter.ISO_LOCAL_DATE);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            }
            // RFC 3339 allows a lowercase t and z, and a space is not allowed; ISO_OFFSET_DATE_TIME needs uppercase.
            return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeException e) {
            throw OgcProblem.badParameter("datetime", "a datetime is an RFC 3339 date or date-time, such as 2026-12-01 "
                    + "or 2026-12-01T10:00:00Z, or an interval of them with / (.. for an open end)");
        }
    }

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        if (!text.matches("\\d{1,12}")) {
            throw OgcProblem.badParameter("limit", "limit is a whole number from 1 to " + PublicPermits.MAX_LIMIT);
        }
        long value = Long.parseLong(text);
        if (value < 1) {
            throw OgcProblem.badParameter("limit", "limit is a whole number from 1 to " + PublicPermits.MAX_LIMIT);
        }
        return (int) Math.min(value, PublicPermits.MAX_LIMIT);
    }

    static long offset(String text) {
        if (text == null) {
            return 0;
        }
        if (!text.matches("\\d{1,15}")) {
            throw OgcProblem.badParameter("offset", "offset is a whole number, 0 or more");
        }
        return Long.parseLong(text);
    }

    static Set<PublicStatus> statuses(String text) {
        if (text == null) {
            return EnumSet.of(PublicStatus.ISSUED);
        }
        List<PublicStatus> statuses = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                statuses.add(PublicStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw OgcProblem.badParameter("status", "status is a comma list of issued, expired and revoked");
            }
        }
        return EnumSet.copyOf(statuses);
    }
}
