package org.raekoda.ogc.internal;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The HTML representation of every resource, written on the server from the same JSON the clients get: plain
 * semantic markup (headings, tables with header cells, lists of links), every value escaped, no script.
 */
final class Html {

    /** The pages carry no script; their one style sheet is inline, allowed by its hash in the CSP (OgcResource). */
    static final String STYLE = "body{font-family:system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem;"
            + "line-height:1.5;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;"
            + "padding:.25rem .5rem;text-align:left;vertical-align:top}a{color:#0645ad}a:focus{outline:3px solid #ffbf47}"
            + "nav ol{list-style:none;padding:0}nav li{display:inline}nav li+li::before{content:' / '}";

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String page(String lang, String title, JsonNode links, String main) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" – ").append(escape(Texts.get("service", lang)))
                .append("</title><style>").append(STYLE).append("</style>");
        for (JsonNode link : links) {
            if ("alternate".equals(link.path("rel").asText())) {
                html.append("<link rel=\"alternate\" type=\"").append(escape(link.path("type").asText()))
                        .append("\" href=\"").append(escape(link.path("href").asText())).append("\">");
            }
        }
        html.append("</head><body><header><p>").append(escape(Texts.get("service", lang))).append("</p></header><main>")
                .append("<h1>").append(escape(title)).append("</h1>").append(main);
        for (JsonNode link : links) {
            if ("alternate".equals(link.path("rel").asText())) {
                html.append("<p><a rel=\"alternate\" type=\"").append(escape(link.path("type").asText()))
                        .append("\" href=\"").append(escape(link.path("href").asText())).append("\">")
                        .append(escape(Texts.get("json", lang))).append("</a></p>");
            }
        }
        html.append("</main></body></html>\n");
        return html.toString();
    }

    private static String a(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    static String landing(JsonNode body, String lang) {
        StringBuilder main = new StringBuilder("<p>").append(escape(body.path("description").asText())).append("</p><ul>");
        for (JsonNode link : body.path("links")) {
            String rel = link.path("rel").asText();
            if (rel.equals("data") || rel.equals("conformance") || rel.equals("service-desc") || rel.equals("service-doc")) {
                String href = link.path("href").asText();
                if (!rel.equals("service-desc")) {
                    href = href.contains("?") ? href : href + "?f=html";
                }
                main.append("<li>").append(a(href, link.path("title").asText() + " (" + rel + ")")).append("</li>");
            }
        }
        main.append("</ul>");
        return page(lang, body.path("title").asText(), body.path("links"), main.toString());
    }

    static String conformance(JsonNode body, String lang) {
        StringBuilder main = new StringBuilder("<ul>");
        for (JsonNode uri : body.path("conformsTo")) {
            main.append("<li>").append(a(uri.asText(), uri.asText())).append("</li>");
        }
        main.append("</ul>");
        return page(lang, Texts.get("conformance", lang), body.path("links"), main.toString());
    }

    static String api(JsonNode document, String root, String lang) {
        StringBuilder main = new StringBuilder("<p>").append(escape(document.path("info").path("description").asText()))
                .append("</p><p>").append(a(root + "/api?f=json", "OpenAPI 3.0 (JSON)")).append("</p>")
                .append("<table><caption>").append(escape(Texts.get("api", lang))).append("</caption>")
                .append("<thead><tr><th scope=\"col\">Path</th><th scope=\"col\">Operation</th>")
                .append("<th scope=\"col\">Parameters</th></tr></thead><tbody>");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            StringBuilder parameters = new StringBuilder();
            for (JsonNode parameter : get.path("parameters")) {
                JsonNode resolved = parameter;
                if (parameter.has("$ref")) {
                    String name = parameter.path("$ref").asText().replace("#/components/parameters/", "");
                    resolved = document.path("components").path("parameters").path(name);
                }
                parameters.append(parameters.length() == 0 ? "" : ", ").append(resolved.path("name").asText());
            }
            main.append("<tr><th scope=\"row\"><code>GET ").append(escape(path.getKey())).append("</code></th><td>")
                    .append(escape(get.path("summary").asText())).append("</td><td>").append(escape(parameters.toString()))
                    .append("</td></tr>");
        }
        main.append("</tbody></table>");
        JsonNode links = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode().add(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("rel", "alternate")
                        .put("type", Answer.OPENAPI).put("href", root + "/api?f=json"));
        return page(lang, Texts.get("api", lang), links, main.toString());
    }

    static String collections(JsonNode body, String lang) {
        StringBuilder main = new StringBuilder("<table><caption>").append(escape(Texts.get("collections", lang)))
                .append("</caption><thead><tr><th scope=\"col\">id</th><th scope=\"col\">")
                .append(escape(Texts.get("serviceTitle", lang))).append("</th><th scope=\"col\">")
                .append(escape(Texts.get("items", lang))).append("</th></tr></thead><tbody>");
        for (JsonNode collection : body.path("collections")) {
            String self = "";
            for (JsonNode link : collection.path("links")) {
                if ("self".equals(link.path("rel").asText())) {
                    self = link.path("href").asText();
                }
            }
            main.append("<tr><th scope=\"row\">").append(a(self + "?f=html", collection.path("id").asText()))
                    .append("</th><td>").append(escape(collection.path("title").asText())).append("</td><td>")
                    .append(a(self + "/items?f=html", Texts.get("items", lang))).append("</td></tr>");
        }
        main.append("</tbody></table>");
        return page(lang, Texts.get("collections", lang), body.path("links"), main.toString());
    }

    static String collection(JsonNode body, String lang) {
        StringBuilder main = new StringBuilder("<p>").append(escape(body.path("description").asText())).append("</p>");
        main.append("<ul>");
        for (JsonNode link : body.path("links")) {
            if ("items".equals(link.path("rel").asText()) && "text/html".equals(link.path("type").asText())) {
                main.append("<li>").append(a(link.path("href").asText(), Texts.get("items", lang))).append("</li>");
            }
        }
        main.append("</ul>");
        JsonNode extent = body.path("extent");
        if (!extent.isMissingNode()) {
            main.append("<h2>").append(escape(Texts.get("extent", lang))).append("</h2><dl>");
            if (extent.has("spatial")) {
                main.append("<dt>bbox (CRS84)</dt><dd>").append(escape(extent.path("spatial").path("bbox").get(0).toString()))
                        .append("</dd>");
            }
            if (extent.has("temporal")) {
                main.append("<dt>interval</dt><dd>")
                        .append(escape(extent.path("temporal").path("interval").get(0).toString())).append("</dd>");
            }
            main.append("</dl>");
        }
        main.append("<h2>CRS</h2><ul>");
        for (JsonNode crs : body.path("crs")) {
            main.append("<li>").append(escape(crs.asText())).append("</li>");
        }
        main.append("</ul>");
        return page(lang, body.path("title").asText(), body.path("links"), main.toString());
    }

    private static final String[] COLUMNS = {"serviceTitle", "organizationName", "status", "issuedOn", "occupiedFrom",
        "occupiedUntil", "validUntil"};

    static String items(JsonNode body, String title, OgcService.Labels labels, String lang) {
        StringBuilder main = new StringBuilder();
        if (body.has("numberMatched")) {
            main.append("<p>").append(escape(Texts.get("matched", lang))).append(": ")
                    .append(body.path("numberMatched").asLong()).append("</p>");
        }
        main.append("<p>").append(escape(Texts.get("returned", lang))).append(": ")
                .append(body.path("numberReturned").asLong()).append("</p>");
        main.append("<table><caption>").append(escape(title)).append("</caption><thead><tr><th scope=\"col\">")
                .append(escape(Texts.get("permitNumber", lang))).append("</th>");
        for (String column : COLUMNS) {
            main.append("<th scope=\"col\">").append(escape(Texts.get(column, lang))).append("</th>");
        }
        main.append("</tr></thead><tbody>");
        for (JsonNode feature : body.path("features")) {
            JsonNode properties = feature.path("properties");
            String self = feature.path("links").path(0).path("href").asText();
            main.append("<tr><th scope=\"row\">").append(a(self + "?f=html&lang=" + lang, feature.path("id").asText()))
                    .append("</th>");
            for (String column : COLUMNS) {
                main.append("<td>").append(escape(value(properties, column, lang))).append("</td>");
            }
            main.append("</tr>");
        }
        main.append("</tbody></table><nav aria-label=\"").append(escape(Texts.get("items", lang))).append("\"><ul>");
        for (JsonNode link : body.path("links")) {
            String rel = link.path("rel").asText();
            if (rel.equals("next") || rel.equals("prev")) {
                main.append("<li><a rel=\"").append(rel).append("\" href=\"").append(escape(link.path("href").asText()))
                        .append("\">").append(escape(Texts.get(rel, lang))).append("</a></li>");
            }
            if (rel.equals("collection")) {
                main.append("<li>").append(a(link.path("href").asText() + "?f=html", link.path("title").asText()))
                        .append("</li>");
            }
        }
        main.append("</ul></nav>");
        return page(lang, title, body.path("links"), main.toString());
    }

    private static String value(JsonNode properties, String name, String lang) {
        JsonNode value = properties.path(name);
        if (value.isNull() || value.isMissingNode()) {
            return "–";
        }
        if (name.equals("status") || name.equals("decidedBy")) {
            return Texts.get(value.asText(), lang);
        }
        return value.asText();
    }

    static String item(JsonNode feature, OgcService.Labels labels, String lang) {
        JsonNode properties = feature.path("properties");
        StringBuilder main = new StringBuilder("<table><caption>").append(escape(Texts.get("permitNumber", lang)))
                .append(" ").append(escape(feature.path("id").asText())).append("</caption><tbody>");
        for (String name : new String[] {"permitNumber", "serviceTitle", "organizationName", "status", "issuedOn",
            "occupiedFrom", "occupiedUntil", "validUntil", "decidedBy", "decidedAt"}) {
            main.append("<tr><th scope=\"row\">").append(escape(Texts.get(name, lang))).append("</th><td>")
                    .append(escape(value(properties, name, lang))).append("</td></tr>");
        }
        main.append("<tr><th scope=\"row\">").append(escape(Texts.get("location", lang))).append("</th><td><code>")
                .append(escape(feature.path("geometry").isNull() ? Texts.get("none", lang)
                        : feature.path("geometry").toString()))
                .append("</code></td></tr></tbody></table>");
        main.append("<h2>").append(escape(Texts.get("basis", lang))).append("</h2>");
        main.append("<table><thead><tr><th scope=\"col\">").append(escape(Texts.get("criterion", lang)))
                .append("</th><th scope=\"col\">").append(escape(Texts.get("passed", lang)))
                .append("</th><th scope=\"col\">").append(escape(Texts.get("legalBasis", lang)))
                .append("</th></tr></thead><tbody>");
        for (JsonNode criterion : properties.path("basis")) {
            main.append("<tr><th scope=\"row\">").append(escape(criterion.path("title").asText())).append("</th><td>")
                    .append(escape(Texts.get(criterion.path("passed").asBoolean() ? "yes" : "no", lang)))
                    .append("</td><td>").append(escape(criterion.path("legalBasis").isNull() ? "–"
                            : criterion.path("legalBasis").asText()))
                    .append("</td></tr>");
        }
        main.append("</tbody></table><ul>");
        for (JsonNode link : feature.path("links")) {
            if ("collection".equals(link.path("rel").asText())) {
                main.append("<li>").append(a(link.path("href").asText() + "?f=html", link.path("title").asText()))
                        .append("</li>");
            }
        }
        main.append("</ul>");
        return page(lang, Texts.get("permitNumber", lang) + " " + feature.path("id").asText(), feature.path("links"),
                main.toString());
    }

    static String problem(JsonNode body, String lang) {
        String main = "<p>" + body.path("status").asInt() + " " + escape(body.path("title").asText()) + "</p><p>"
                + escape(body.path("detail").asText()) + "</p>";
        return page(lang, Texts.get("problem", lang), body.path("missing"), main);
    }
}
