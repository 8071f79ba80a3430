package org.raekoda.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    void everyOperationSaysWhoMayCallIt() throws Exception {
        List<String> unmarked = AccessRules.of(RestServer.RESOURCES).stream()
                .filter(operation -> operation.rule() == null).map(AccessRules.Operation::source).toList();
        assertEquals(List.of(), unmarked);
    }

    @Test
    void everyResourceOfThePackageIsServedAndRuled() throws Exception {
        // A resource class left out of RestServer.RESOURCES would escape the rule check above.
        java.nio.file.Path classes = java.nio.file.Path.of(RestServer.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).resolve(RestServer.class.getPackageName().replace('.', '/'));
        List<String> missing = new ArrayList<>();
        try (var files = java.nio.file.Files.list(classes)) {
            for (java.nio.file.Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(RestServer.class.getPackageName() + "." + name.replace(".class", ""));
                if (type.isAnnotationPresent(javax.ws.rs.Path.class) && !RestServer.RESOURCES.contains(type)) {
                    missing.add(type.getSimpleName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void administrationNamesItsOrganizationInThePath() {
        List<String> without = AccessRules.of(RestServer.RESOURCES).stream()
                .filter(operation -> operation.rule() == Access.Rule.ORGANIZATION_ADMIN
                        || operation.rule() == Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
                .filter(operation -> java.util.Arrays.stream(AccessFilter.ORGANIZATION_PARAMETERS)
                        .noneMatch(name -> operation.path().contains("{" + name + "}")))
                .map(AccessRules.Operation::source).toList();
        assertEquals(List.of(), without);
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
        assertEquals("/api/api-docs/?url=/api/openapi.json", ResponseHeadersFilter.withoutOwnAuthority(
                "http://evil.example/api/api-docs/?url=/api/openapi.json", "evil.example"));
        assertEquals("/api/v1/applications/7",
                ResponseHeadersFilter.withoutOwnAuthority("/api/v1/applications/7", "localhost:8181"));
        assertTrue(ResponseHeadersFilter.withoutOwnAuthority("//evil.example/x", "evil.example").startsWith("/x"));
        // A login's redirect to its identity provider is not the request's own authority: it stays whole.
        assertEquals("https://tara.ria.ee/oidc/authorize?state=s", ResponseHeadersFilter.withoutOwnAuthority(
                "https://tara.ria.ee/oidc/authorize?state=s", "localhost:8181"));
    }
}
