package org.raekoda.rest.internal;

import java.net.URI;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Security headers on every answer of the CXF server: the API, its problem answers and 404s, the OpenAPI
 * document and the Swagger UI pages. Answers of operations that are not public may hold personal data and
 * are never stored by caches. Location headers that name this server are sent as paths, so that a forged Host
 * header is never echoed.
 */
final class ResponseHeadersFilter implements ContainerResponseFilter {

    /** For pages: Swagger UI loads its scripts, styles and images from this server only; inline styles only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** For everything else: a JSON answer opened in a browser runs and loads nothing. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        MediaType type = response.getMediaType();
        boolean page = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        headers.putSingle("Content-Security-Policy", page ? PAGE_POLICY : DATA_POLICY);
        Access access = AccessFilter.access(resource);
        if (access == null ? isApi(request) : !access.value().isPublic()) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        Object location = headers.getFirst(HttpHeaders.LOCATION);
        if (location != null && pointsHere(location.toString(), request)) {
            headers.putSingle(HttpHeaders.LOCATION, withoutAuthority(location.toString()));
        }
    }

    /**
     * Whether a Location names this server as the request reached it: JAX-RS builds such a Location from the
     * Host header. A Location elsewhere (a login's redirect to the identity provider, taken from its discovery
     * document) is the application's own choice and stays as it is.
     */
    static boolean pointsHere(String location, ContainerRequestContext request) {
        URI uri = URI.create(location);
        if (uri.getRawAuthority() == null) {
            return true;
        }
        URI base = request.getUriInfo().getBaseUri();
        return base == null || uri.getRawAuthority().equalsIgnoreCase(base.getRawAuthority());
    }

    /** Unmatched requests under /v1 (401s and 404s there) are treated like the operations they missed. */
    private static boolean isApi(ContainerRequestContext request) {
        return request.getUriInfo().getPath().startsWith("v1/");
    }

    /** The Location's path, query and fragment: a relative reference that the client resolves against its own URL. */
    static String withoutAuthority(String location) {
        URI uri = URI.create(location);
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
