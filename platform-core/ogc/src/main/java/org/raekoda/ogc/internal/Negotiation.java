package org.raekoda.ogc.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which representation and which language a request gets. {@code f=json|html} and {@code lang} win over the
 * {@code Accept} and {@code Accept-Language} headers, so that a link can name a representation.
 */
final class Negotiation {

    enum Format {
        JSON, HTML
    }

    private Negotiation() {
    }

    static Format format(Map<String, List<String>> query, String accept) {
        String f = ItemsQuery.single(query, "f");
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json", "geojson" -> Format.JSON;
                case "html" -> Format.HTML;
                default -> throw OgcProblem.badParameter("f", "f is json or html");
            };
        }
        return prefersHtml(accept) ? Format.HTML : Format.JSON;
    }

    /**
     * Whether the Accept header ranks HTML above every JSON type. A wildcard alone means JSON, the format of
     * the clients (GDAL, QGIS, map libraries) that send one; browsers name text/html.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, quality);
            } else if (type.endsWith("/json") || type.endsWith("+json")) {
                json = Math.max(json, quality);
            }
        }
        return html > 0 && html > json;
    }

    /** The language of the answer: {@code lang}, else the best of Accept-Language, else English. */
    static String language(Map<String, List<String>> query, String acceptLanguage) {
        String lang = ItemsQuery.single(query, "lang");
        if (lang != null) {
            String wanted = lang.strip().toLowerCase(Locale.ROOT);
            int dash = wanted.indexOf('-');
            String base = dash > 0 ? wanted.substring(0, dash) : wanted;
            if (!Texts.LANGUAGES.contains(base)) {
                throw OgcProblem.badParameter("lang", "lang is one of " + String.join(", ", Texts.LANGUAGES));
            }
            return base;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String best = Locale.lookupTag(ranges, Texts.LANGUAGES);
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is the client's; English serves it as well as any.
                return "en";
            }
        }
        return "en";
    }
}
