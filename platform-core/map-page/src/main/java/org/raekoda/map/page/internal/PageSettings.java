package org.raekoda.map.page.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The map's settings as the page reads them ({@code /map/config.json}) and the Content-Security-Policy that
 * follows from them: the page may load images from its own origin and from the tile host, nothing else from
 * elsewhere. A setting that does not parse is dropped with a reason, so that a typo never opens the policy.
 */
record PageSettings(String tileUrl, String tileAttribution, int maxZoom, double[] initialCentre, Integer initialZoom,
        double[] initialExtent, String tileSource, List<String> problems) {

    /** {a-c}, {1-4}: OpenLayers picks one of the letters or digits for each tile. */
    private static final Pattern SUBDOMAIN_RANGE = Pattern.compile("\\{[a-z0-9]-[a-z0-9]\\}");
    /** {z}, {x}, {y}, {-y}: the tile's coordinates. */
    private static final Pattern TILE_COORDINATE = Pattern.compile("\\{-?[xyz]\\}");
    /** What may appear in a policy's host source: no spaces, quotes or semicolons that would end or add a directive. */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    static PageSettings of(MapConfig config) {
        List<String> problems = new ArrayList<>();
        String tileUrl = blankToNull(config.tileUrl());
        String tileSource = null;
        if (tileUrl != null) {
            tileSource = tileSource(tileUrl);
            if (tileSource == null) {
                problems.add("tileUrl is not an http(s) URL template with {z}, {x} and {y}; the zone layers are the base");
                tileUrl = null;
            }
        }
        int maxZoom = config.maxZoom();
        if (maxZoom < 0 || maxZoom > 28) {
            problems.add("maxZoom must be between 0 and 28; 19 is used");
            maxZoom = 19;
        }
        double[] centre = numbers(config.initialCentre(), 2, "initialCentre", problems);
        if (centre != null && !(Math.abs(centre[0]) <= 180 && Math.abs(centre[1]) <= 90)) {
            problems.add("initialCentre is not longitude,latitude in WGS 84");
            centre = null;
        }
        Integer zoom = null;
        if (centre != null) {
            zoom = Math.max(0, Math.min(maxZoom, config.initialZoom()));
        }
        double[] extent = numbers(config.initialExtent(), 4, "initialExtent", problems);
        if (extent != null && !(Math.abs(extent[0]) <= 180 && Math.abs(extent[2]) <= 180 && extent[1] >= -90
                && extent[3] <= 90 && extent[1] < extent[3])) {
            problems.add("initialExtent is not west,south,east,north in WGS 84");
            extent = null;
        }
        return new PageSettings(tileUrl, tileUrl == null ? null : blankToNull(config.tileAttribution()), maxZoom,
                centre, zoom, extent, tileSource, List.copyOf(problems));
    }

    /** What the page reads, with the organizations whose permits and zone layers it may show. */
    Map<String, Object> page(List<Map<String, Object>> organizations) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("tileUrl", tileUrl);
        page.put("tileAttribution", tileAttribution);
        page.put("maxZoom", maxZoom);
        page.put("initialCentre", initialCentre);
        page.put("initialZoom", initialZoom);
        page.put("initialExtent", initialExtent);
        page.put("organizations", organizations);
        return page;
    }

    /**
     * Only this origin's scripts and styles, no inline script; images also from the tile host, and data/blob
     * URLs, which OpenLayers makes from its own canvases; requests only to this origin (/ogc, /api).
     */
    String contentSecurityPolicy() {
        String images = "'self' data: blob:" + (tileSource == null ? "" : " " + tileSource);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src " + images + "; connect-src 'self'; "
                + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The policy's source for a tile URL template ({@code https://*.tile.example.org}), or null when it is none. */
    static String tileSource(String template) {
        if (!TILE_COORDINATE.matcher(template).find() || !template.contains("{z}")) {
            return null;
        }
        String plain = TILE_COORDINATE.matcher(SUBDOMAIN_RANGE.matcher(template).replaceAll("sub"))
                .replaceAll("0");
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int range = template.indexOf('{');
        int hostEnd = template.indexOf('/', template.indexOf("//") + 2);
        if (range >= 0 && range < (hostEnd < 0 ? template.length() : hostEnd)) {
            // the subdomain varies: allow any subdomain of the rest, never the whole internet
            int dot = host.indexOf('.');
            if (dot < 0 || host.indexOf('.', dot + 1) < 0) {
                return null;
            }
            host = "*" + host.substring(dot);
        }
        if (!HOST.matcher(host).matches()) {
            return null;
        }
        return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static double[] numbers(String text, int count, String name, List<String> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != count) {
            problems.add(name + " needs " + count + " numbers separated by commas");
            return null;
        }
        double[] numbers = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                problems.add(name + " needs " + count + " numbers separated by commas");
                return null;
            }
            if (!Double.isFinite(numbers[i])) {
                problems.add(name + " needs finite numbers");
                return null;
            }
        }
        return numbers;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
