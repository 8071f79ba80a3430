package org.raekoda.ogc.internal;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as an RFC 9457 problem: the client's mistakes as 4xx naming what is wrong, the service's own
 * as a 500 with an incident id that is also in the log (with the stack trace, never with the query's values).
 */
final class OgcExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(OgcExceptionMapper.class);

    private final OgcService service;
    private final OgcResource resource;

    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;
    @Context
    private javax.servlet.http.HttpServletRequest request;

    OgcExceptionMapper(OgcService service, OgcResource resource) {
        this.service = service;
        this.resource = resource;
    }

    @Override
    public Response toResponse(Throwable failure) {
        OgcService.Call call = null;
        try {
            call = resource.call(uri, headers, request);
        } catch (RuntimeException e) {
            // The request itself is malformed (its query string, say): answer in JSON.
        }
        if (failure instanceof OgcProblem problem) {
            return OgcResource.respond(service.problem(problem.status(), problem.title(), problem.getMessage(),
                    problem.pointer(), null, call));
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) == null ? "Client Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            String detail = switch (status) {
                case 404 -> "Nothing is served here; the service's landing page is /ogc";
                case 405 -> "The service is read-only: GET and HEAD";
                case 406 -> "The service answers in JSON, GeoJSON and HTML";
                default -> null;
            };
            Response answer = OgcResource.respond(service.problem(status, title, detail, null, null, call));
            return status == 405 ? Response.fromResponse(answer).header("Allow", "GET, HEAD, OPTIONS").build() : answer;
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("OGC API request failed, incident {}", incident, failure);
        return OgcResource.respond(service.problem(500, "Internal Server Error",
                "The service failed; quote incident " + incident + " when reporting it", null, incident, call));
    }
}
