package org.raekoda.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.IdentityProviderUnavailableException;
import org.raekoda.api.identity.InvalidCredentialsException;
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

    /** RFC 6750 section 3: credentials were sent and do not hold. */
    static final String INVALID_TOKEN = Callers.CHALLENGE + ", error=\"invalid_token\"";

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = toProblem(exception, instance());
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (exception instanceof InvalidCredentialsException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN);
        }
        if (exception instanceof IdentityProviderUnavailableException) {
            response.header(HttpHeaders.RETRY_AFTER, "30");
        }
        if (exception instanceof WebApplicationException) {
            Object challenge = ((WebApplicationException) exception).getResponse().getHeaders()
                    .getFirst(HttpHeaders.WWW_AUTHENTICATE);
            if (challenge != null) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
            }
        }
        return response.build();
    }

    Problem toProblem(Throwable exception, String instance) {
        if (exception instanceof IdentityProviderUnavailableException) {
            // The platform cannot check the credential, which may well be good: the dependency's failure, not the
            // caller's. The log keeps the cause under the incident id.
            String incident = UUID.randomUUID().toString();
            LOG.warn("Incident {} while serving {}: {}", incident, instance, exception.getMessage(), exception.getCause());
            return new Problem("about:blank", "Service Unavailable", 503, exception.getMessage()
                    + "; try again shortly. Incident " + incident + " is logged.", instance, List.of());
        }
        if (exception instanceof InvalidCredentialsException) {
            // The reason names the failed check (expired, wrong audience); it never repeats the credential.
            return new Problem("about:blank", "Unauthorized", 401, exception.getMessage(), instance, List.of());
        }
        if (exception instanceof ApplicationException) {
            ApplicationException refusal = (ApplicationException) exception;
            int status = switch (refusal.kind()) {
                case INVALID -> 400;
                case FORBIDDEN -> 403;
                case NOT_FOUND -> 404;
                case CONFLICT -> 409;
                case TOO_LARGE -> 413;
                case UNPROCESSABLE -> 422;
            };
            List<Locale> languages = languages();
            List<Problem.FieldError> errors = refusal.fieldErrors().stream()
                    .map(e -> new Problem.FieldError(e.pointer(), e.messageIn(languages))).toList();
            return new Problem("about:blank", reasonPhrase(status), status, refusal.getMessage(), instance, errors,
                    refusal.allowedStates().stream().map(Enum::name).toList());
        }
        if (exception instanceof NotAuthorizedException) {
            return new Problem("about:blank", "Unauthorized", 401, "Log in to use this endpoint", instance, List.of());
        }
        if (exception instanceof JsonMappingException && isWriting((JsonMappingException) exception)) {
            return incident(exception, instance, 500, "Internal Server Error");
        }
        if (exception instanceof JsonMappingException && !(exception instanceof JsonParseException)) {
            JsonMappingException mapping = (JsonMappingException) exception;
            String pointer = pointer(mapping.getPath());
            String detail = mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : expectedValues(mapping);
            return new Problem("about:blank", "Bad Request", 400, "The request body does not fit the API", instance,
                    List.of(new Problem.FieldError(pointer, detail)));
        }
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

    /** Jackson failed while writing an answer (a server fault), not while reading a request. */
    private static boolean isWriting(JsonMappingException exception) {
        return exception.getProcessor() instanceof JsonGenerator;
    }

    private static Problem incident(Throwable exception, String instance, int status, String title) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} while serving {}", incident, instance, exception);
        return new Problem("about:blank", title, status,
                "The server could not complete the request. Incident " + incident + " is logged.", instance,
                List.of());
    }

    /** For a value that is not one of an enumeration's: which ones are, so the caller can correct it. */
    private static String expectedValues(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException && ((InvalidFormatException) mapping).getTargetType() != null
                && ((InvalidFormatException) mapping).getTargetType().isEnum()) {
            Object[] values = ((InvalidFormatException) mapping).getTargetType().getEnumConstants();
            return "must be one of: " + java.util.Arrays.stream(values).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return "has the wrong type or format";
    }

    /** The caller's languages, most wanted first (Accept-Language); English when it says nothing. */
    private List<Locale> languages() {
        try {
            return headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** JAX-RS's Status lacks 422. */
    static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error " + status;
    }

    /** Jackson's path into the body as a JSON Pointer (RFC 6901). */
    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
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
