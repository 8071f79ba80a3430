package org.raekoda.demo.idp.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The demo provider's pages: plain HTML forms without script, every value escaped. The picker carries the
 * authorization request back in hidden fields, so that nothing is kept between showing it and choosing.
 */
final class PersonPicker {

    private static final String STYLE = "body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em}"
            + ".demo{background:#fde68a;border:2px solid #b45309;padding:.5em 1em}"
            + "table{border-collapse:collapse}td,th{text-align:left;padding:.3em .6em;border-bottom:1px solid #ccc}";
    /** The pages' policy: no script at all, and only this page's own style sheet (by its hash). */
    static final String POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>DEMO identity provider - Raekoda</title>"
            + "<style>" + STYLE + "</style></head><body>"
            + "<p class=\"demo\"><strong>DEMO identity provider.</strong> Development nodes only: anyone can be "
            + "anyone here. No real person, no real e-ID.</p>";
    private static final String TAIL = "</body></html>\n";

    private PersonPicker() {
    }

    static String render(URI action, Map<String, List<String>> request) {
        StringBuilder html = new StringBuilder(HEAD);
        html.append("<h1>Log in as a demo person</h1><form method=\"post\" action=\"")
                .append(escape(action.toString())).append("\">");
        request.forEach((name, values) -> values.forEach(value -> html.append("<input type=\"hidden\" name=\"")
                .append(escape(name)).append("\" value=\"").append(escape(value)).append("\">")));
        html.append("<table><thead><tr><th scope=\"col\">Person</th><th scope=\"col\">Country</th>"
                + "<th scope=\"col\">Personal code</th><th scope=\"col\">Meant as</th></tr></thead><tbody>");
        for (DemoPerson person : DemoPeople.all()) {
            html.append("<tr><td><button type=\"submit\" name=\"person\" value=\"").append(escape(person.id()))
                    .append("\">").append(escape(person.name())).append("</button></td><td>")
                    .append(escape(person.person().country())).append("</td><td>")
                    .append(escape(person.person().code())).append("</td><td>")
                    .append(escape(person.description())).append("</td></tr>");
        }
        return html.append("</tbody></table></form>").append(TAIL).toString();
    }

    static String error(String message) {
        return HEAD + "<h1>This login request cannot be served</h1><p>" + escape(message) + "</p>" + TAIL;
    }

    static String loggedOut() {
        return HEAD + "<h1>Logged out</h1><p>The demo provider keeps no session; you can close this page.</p>" + TAIL;
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
