package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemExceptionMapperTest {

    private final ProblemExceptionMapper mapper = new ProblemExceptionMapper();

    @Test
    void clientErrorsKeepTheirStatus() {
        Problem problem = mapper.toProblem(new NotFoundException(), "/v1/nothing");

        assertEquals(404, problem.status());
        assertEquals("Not Found", problem.title());
        assertEquals("/v1/nothing", problem.instance());
        assertNull(problem.detail(), "JAX-RS's generic message adds nothing");
    }

    @Test
    void credentialsThatProveNothingAre401WithTheBearerChallenge() {
        javax.ws.rs.core.Response response = mapper.toResponse(
                new org.raekoda.api.identity.InvalidCredentialsException("Expired JWT"));

        assertEquals(401, response.getStatus());
        assertEquals("Bearer realm=\"raekoda\", error=\"invalid_token\"",
                response.getHeaderString(javax.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE));
        assertEquals("Expired JWT", ((Problem) response.getEntity()).detail());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    }

    @Test
    void ourOwnClientMessagesReachTheClient() {
        Problem problem = mapper.toProblem(new WebApplicationException("The application was withdrawn", 409), "/x");

        assertEquals(409, problem.status());
        assertEquals("The application was withdrawn", problem.detail());
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        JsonParseException broken = new JsonParseException(null, "Unexpected character");

        Problem problem = mapper.toProblem(broken, "/v1/applications");

        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("The request body is not valid JSON"));
    }

    @Test
    void anUnexpectedFailureIsA500WithAnIncidentIdAndNothingInternal() {
        Problem problem = mapper.toProblem(new IllegalStateException("password=secret at db1.internal"), "/v1/x");

        assertEquals(500, problem.status());
        assertTrue(problem.detail().contains("Incident "));
        assertFalse(problem.detail().contains("secret"));
        assertFalse(problem.detail().contains("IllegalStateException"));
    }

    @Test
    void aServerSideWebApplicationExceptionHidesItsMessageToo() {
        Problem problem = mapper.toProblem(new ServiceUnavailableException("db1.internal is down"), "/v1/x");

        assertEquals(503, problem.status());
        assertFalse(problem.detail().contains("db1.internal"));
    }

    @Test
    void anAnswerTheServerCannotWriteIsA500NotTheClientsFault() {
        // A mapper without the java.time module fails while writing, as the audit trail once did.
        JsonMappingException writing = assertThrows(JsonMappingException.class,
                () -> new ObjectMapper().writeValueAsString(java.util.Map.of("at", java.time.Instant.EPOCH)));

        Problem problem = mapper.toProblem(writing, "/v1/applications/1/audit");

        assertEquals(500, problem.status());
        assertTrue(problem.detail().contains("Incident "));
    }

    @Test
    void aBodyThatDoesNotFitIsStillA400() {
        JsonMappingException reading = assertThrows(JsonMappingException.class,
                () -> RestJson.mapper(1024, 10, 10).readValue("{\"version\":\"x\"}", Requests.DecisionBody.class));

        Problem problem = mapper.toProblem(reading, "/v1/applications/1/decision");

        assertEquals(400, problem.status());
        assertEquals("/version", problem.errors().get(0).pointer());
    }
}
