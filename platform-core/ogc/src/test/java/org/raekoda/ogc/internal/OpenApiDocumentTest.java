package org.raekoda.ogc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The document at /ogc/api validates and describes exactly the resources and parameters the service has. */
class OpenApiDocumentTest {

    private final OgcService service = Fixtures.service(new InMemoryPublicPermits());

    @Test
    void validatesWithNoMessages() {
        String document = service.api(new OgcService.Call(Fixtures.ROOT, null, null, null)).text();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals(Fixtures.ROOT, result.getOpenAPI().getServers().get(0).getUrl());
    }

    @Test
    void describesEveryParameterTheItemsTake() throws Exception {
        JsonNode document = new ObjectMapper().readTree(service.api(new OgcService.Call(Fixtures.ROOT, null, null, null)).body());
        Set<String> names = new TreeSet<>();
        for (JsonNode parameter : document.path("paths").path("/collections/{collectionId}/items").path("get").path("parameters")) {
            String ref = parameter.path("$ref").asText();
            names.add(document.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1))
                    .path("name").asText());
        }
        Set<String> expected = new TreeSet<>(ItemsQuery.PARAMETERS);
        expected.addAll(Set.of("collectionId", "f", "lang"));
        assertEquals(expected, names);
    }
}
