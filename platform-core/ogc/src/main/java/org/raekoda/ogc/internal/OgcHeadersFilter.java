package org.raekoda.ogc.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Headers of every answer. The data is public and read-only, so any web page may read it (CORS for map
 * libraries such as OpenLayers and Leaflet on other sites); the pages are scriptless and cannot be framed.
 */
final class OgcHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", "*");
        headers.putSingle("Access-Control-Expose-Headers", "Content-Crs, Content-Language");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Content-Security-Policy", OgcResource.CONTENT_SECURITY_POLICY);
        headers.putSingle("Vary", "Accept, Accept-Language");
        // Permits change when they are issued, expire or are revoked: a minute of staleness is harmless.
        headers.putSingle("Cache-Control", response.getStatus() < 400 ? "public, max-age=60" : "no-store");
    }
}
