package org.raekoda.ogc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * The HTTP side of {@link OgcService}: every resource is public (docs/security.md) and read-only. The query is
 * read from the raw query string, so that parameters keep the order the client gave (the next link repeats
 * them) and an unknown one can be refused.
 */
@Path("/")
public final class OgcResource {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(Html.STYLE)
            + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final OgcService service;
    private final String publicBaseUrl;

    OgcResource(OgcService service, String publicBaseUrl) {
        this.service = service;
        this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null
                : publicBaseUrl.replaceAll("/+$", "");
    }

    @GET
    public Response landing(@Context UriInfo uri, @Context HttpHeaders headers) {
        return respond(service.landing(call(uri, headers)));
    }

    @GET
    @Path("conformance")
    public Response conformance(@Context UriInfo uri, @Context HttpHeaders headers) {
        return respond(service.conformance(call(uri, headers)));
    }

    @GET
    @Path("api")
    public Response api(@Context UriInfo uri, @Context HttpHeaders headers) {
        return respond(service.api(call(uri, headers)));
    }

    @GET
    @Path("collections")
    public Response collections(@Context UriInfo uri, @Context HttpHeaders headers) {
        return respond(service.collections(call(uri, headers)));
    }

    @GET
    @Path("collections/{collectionId}")
    public Response collection(@PathParam("collectionId") String collectionId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return respond(service.collection(call(uri, headers), collectionId));
    }

    @GET
    @Path("collections/{collectionId}/items")
    public Response items(@PathParam("collectionId") String collectionId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return respond(service.items(call(uri, headers), collectionId));
    }

    @GET
    @Path("collections/{collectionId}/items/{featureId}")
    public Response item(@PathParam("collectionId") String collectionId, @PathParam("featureId") String featureId,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return respond(service.item(call(uri, headers), collectionId, featureId));
    }

    @Context
    private HttpServletRequest servletRequest;

    /** What the request asks, for the service (and for the exception mapper, to answer in the asked format). */
    OgcService.Call call(UriInfo uri, HttpHeaders headers) {
        return call(uri, headers, servletRequest);
    }

    /**
     * The links start with the configured public address, else with the address this request came to. Not
     * with CXF's base URI: CXF keeps the address of the first request its destination saw, whichever host
     * name that one used.
     */
    OgcService.Call call(UriInfo uri, HttpHeaders headers, HttpServletRequest request) {
        String root = publicBaseUrl != null ? publicBaseUrl + "/ogc" : origin(request) + request.getContextPath()
                + request.getServletPath();
        return new OgcService.Call(root, query(uri.getRequestUri().getRawQuery()),
                headers.getHeaderString(HttpHeaders.ACCEPT), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean usual = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OgcProblem.badParameter("", "the query string is not correctly percent-encoded");
        }
    }

    static Response respond(Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body())
                .type(answer.mediaType());
        answer.headers().forEach(response::header);
        return response.build();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
