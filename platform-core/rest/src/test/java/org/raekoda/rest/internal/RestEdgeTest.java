package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.Channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RestEdgeTest {

    private final ObjectMapper json = RestJson.mapper(1024 * 1024, 100, 100);

    @Test
    void everyOperationSaysWhoMayCallIt() {
        List<String> unmarked = new ArrayList<>();
        for (Class<?> resource : List.of(HealthResource.class, ServicesResource.class, ApplicationsResource.class,
                OfficerResource.class, AdminResource.class, RegistersResource.class, AuthResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean operation = method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
                if (operation && method.getAnnotation(Access.class) == null
                        && resource.getAnnotation(Access.class) == null) {
                    unmarked.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), unmarked);
    }

    @Test
    void timesAreWrittenAsIsoStrings() throws Exception {
        AuditEntry entry = new AuditEntry(Instant.parse("2026-05-01T10:15:30Z"), "alice", Channel.SELF_SERVICE,
                "submitted", null, ApplicationState.SUBMITTED, null);
        JsonNode written = json.readTree(json.writeValueAsString(List.of(entry)));
        assertEquals("2026-05-01T10:15:30Z", written.get(0).get("at").asText());
    }

    @Test
    void aNullInAMapOfTextsOrDeadlinesIsRefusedAtItsPointer() {
        // Found by the fuzzer: {"deadlines": {"review": null}} once reached LocalSettings and answered 500.
        var refused = assertThrows(com.fasterxml.jackson.databind.exc.InvalidNullException.class,
                () -> json.readValue("{\"deadlines\":{\"review\":null}}", Requests.LocalBody.class));
        assertEquals("/deadlines/review", ProblemExceptionMapper.pointer(refused.getPath()));
        assertThrows(com.fasterxml.jackson.databind.exc.InvalidNullException.class,
                () -> json.readValue("{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":null}}",
                        Requests.OrganizationBody.class));
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThrows(JsonProcessingException.class, () -> json.readTree(deep));
    }

    @Test
    void aCappedStreamStopsAtTheCap() throws Exception {
        InputStream capped = new BodyLimitFilter.CappedInputStream(new ByteArrayInputStream(new byte[5000]), 4096);
        byte[] buffer = new byte[1024];
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> {
            while (capped.read(buffer) >= 0) {
                // reading on until the cap
            }
        });
        assertEquals(413, refused.getResponse().getStatus());
        InputStream within = new BodyLimitFilter.CappedInputStream(new ByteArrayInputStream(new byte[4096]), 4096);
        assertEquals(4096, within.readAllBytes().length);
    }

    @Test
    void locationsLoseTheirAuthority() {
        assertEquals("/api/api-docs/?url=/api/openapi.json",
                ResponseHeadersFilter.withoutAuthority("http://evil.example/api/api-docs/?url=/api/openapi.json"));
        assertEquals("/api/v1/applications/7", ResponseHeadersFilter.withoutAuthority("/api/v1/applications/7"));
        assertTrue(ResponseHeadersFilter.withoutAuthority("//evil.example/x").startsWith("/x"));
    }
}
