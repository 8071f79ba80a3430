package org.raekoda.demo.idp.internal;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;

/**
 * The HTTP side of {@link DemoProvider}, registered on the HTTP Whiteboard at {@code /demo-idp/*}: it turns
 * requests into the provider's calls and its answers into responses, and adds the same security headers as the
 * API. URLs are built from the configured issuer, never from the request's Host header.
 */
final class DemoIdpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATTERN = "/demo-idp/*";
    /** Token requests are a few hundred bytes; anything far larger is not one. */
    private static final int MAX_BODY = 16 * 1024;
    private static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final transient DemoProvider provider;

    DemoIdpServlet(DemoProvider provider) {
        this.provider = provider;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", DATA_POLICY);
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        switch (path) {
            case "/.well-known/openid-configuration" -> {
                if (allowed(method, response, "GET")) {
                    json(response, 200, provider.discovery());
                }
            }
            case "/jwks" -> {
                if (allowed(method, response, "GET")) {
                    json(response, 200, provider.jwks());
                }
            }
            case "/authorize" -> {
                if (allowed(method, response, "GET", "POST")) {
                    authorize(request, response);
                }
            }
            case "/token" -> {
                if (allowed(method, response, "POST")) {
                    token(request, response);
                }
            }
            case "/logout" -> {
                if (allowed(method, response, "GET", "POST")) {
                    logout(request, response);
                }
            }
            case "/quick-token" -> {
                if (allowed(method, response, "POST")) {
                    quickToken(request, response);
                }
            }
            default -> problem(response, 404, "Not Found", "The demo identity provider serves nothing here", null);
        }
    }

    /** GET shows the picker for a valid request; POST (the picker's form) issues the code. */
    private void authorize(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> parameters = parameters(request);
        String person = parameters.containsKey("person") ? parameters.remove("person").get(0) : null;
        try {
            if ("POST".equals(request.getMethod()) && person != null) {
                response.sendRedirect(provider.approve(parameters, person).toString());
            } else {
                AuthenticationRequest valid = provider.checkAuthorization(parameters);
                page(response, 200, PersonPicker.render(provider.endpoint("/authorize"), valid.toParameters()));
            }
        } catch (DemoProvider.Refused refused) {
            Optional<URI> back = refused.redirect();
            if (back.isPresent()) {
                response.sendRedirect(back.get().toString());
            } else {
                page(response, 400, PersonPicker.error(refused.getMessage()));
            }
        }
    }

    private void token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = body(request);
        if (body == null) {
            problem(response, 413, "Payload Too Large", "A token request is far smaller", null);
            return;
        }
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, provider.endpoint("/token"));
        if (request.getContentType() != null) {
            http.setHeader("Content-Type", request.getContentType());
        }
        if (request.getHeader("Authorization") != null) {
            http.setAuthorization(request.getHeader("Authorization"));
        }
        http.setBody(body);
        HTTPResponse answer = provider.token(http);
        response.setStatus(answer.getStatusCode());
        answer.getHeaderMap().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        write(response, answer.getBody() == null ? "" : answer.getBody());
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Optional<URI> back = provider.logout(parameters(request));
            if (back.isPresent()) {
                response.sendRedirect(back.get().toString());
            } else {
                page(response, 200, PersonPicker.loggedOut());
            }
        } catch (DemoProvider.Refused refused) {
            page(response, 400, PersonPicker.error(refused.getMessage()));
        }
    }

    private void quickToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String person = request.getParameter("person");
        if (person == null || person.isBlank()) {
            problem(response, 400, "Bad Request", "Name a demo person", "/person");
            return;
        }
        try {
            json(response, 200, provider.quickToken(person));
        } catch (DemoProvider.Refused refused) {
            problem(response, 400, "Bad Request", "Unknown demo person; see the README for the list", "/person");
        }
    }

    private static boolean allowed(String method, HttpServletResponse response, String... methods) throws IOException {
        for (String allowed : methods) {
            if (allowed.equals(method)) {
                return true;
            }
        }
        response.setHeader("Allow", String.join(", ", methods));
        problem(response, 405, "Method Not Allowed", "Use " + String.join(" or ", methods), null);
        return false;
    }

    /** Query and form parameters, each name once; a repeated name is kept repeated so that Nimbus refuses it. */
    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters;
    }

    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        StringBuilder body = new StringBuilder();
        char[] buffer = new char[2048];
        try (Reader reader = request.getReader()) {
            for (int read; (read = reader.read(buffer)) >= 0;) {
                body.append(buffer, 0, read);
                if (body.length() > MAX_BODY) {
                    return null;
                }
            }
        }
        return body.toString();
    }

    private static void json(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        write(response, json);
    }

    private static void page(HttpServletResponse response, int status, String html) throws IOException {
        response.setStatus(status);
        response.setHeader("Content-Security-Policy", PersonPicker.POLICY);
        response.setContentType("text/html;charset=UTF-8");
        write(response, html);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail, String pointer)
            throws IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(title)
                .append("\",\"status\":").append(status).append(",\"detail\":\"").append(detail).append('"');
        if (pointer != null) {
            json.append(",\"errors\":[{\"pointer\":\"").append(pointer).append("\",\"detail\":\"").append(detail)
                    .append("\"}]");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        write(response, json.append('}').toString());
    }

    private static void write(HttpServletResponse response, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
