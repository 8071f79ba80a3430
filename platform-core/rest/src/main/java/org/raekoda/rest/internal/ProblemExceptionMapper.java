package org.raekoda.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem. A client's mistake keeps
 * its 4xx status; anything else is a 500 whose body names an incident id and nothing more, while
 * the stack trace goes to the log under the same id.
 */
@Provider
public final class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = toProblem(exception, instance());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    Problem toProblem(Throwable exception, String instance) {
        if (exception instanceof WebApplicationException) {
            Response response = ((WebApplicationException) exception).getResponse();
            int status = response.getStatus();
            Response.StatusType statusType = response.getStatusInfo();
            String detail = status >= 500 ? null : clientSafeMessage(exception);
            if (status >= 500) {
                return incident(exception, instance, status, statusType.getReasonPhrase());
            }
            return new Problem("about:blank", statusType.getReasonPhrase(), status, detail, instance, List.of());
        }
        if (exception instanceof JsonProcessingException) {
            JsonProcessingException json = (JsonProcessingException) exception;
            String where = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            return new Problem("about:blank", "Bad Request", 400, "The request body is not valid JSON" + where,
                    instance, List.of());
        }
        return incident(exception, instance, 500, "Internal Server Error");
    }

    private static Problem incident(Throwable exception, String instance, int status, String title) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} while serving {}", incident, instance, exception);
        return new Problem("about:blank", title, status,
                "The server could not complete the request. Incident " + incident + " is logged.", instance,
                List.of());
    }

    /** Messages of JAX-RS's own exceptions are generic ("HTTP 404 Not Found"); ours are written for clients. */
    private static String clientSafeMessage(Throwable exception) {
        String message = exception.getMessage();
        return message == null || message.startsWith("HTTP ") ? null : message;
    }

    private String instance() {
        try {
            return uriInfo == null ? null : "/" + uriInfo.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
