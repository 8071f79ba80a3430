package org.raekoda.engine.internal.eservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.engine.internal.json.Json;

/** The checks a definition passes when a bundle's definition file is read, on the definitions the project ships. */
class DefinitionReaderTest {

    /** The repository's root, from the engine module where the tests run. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private final DefinitionReader reader = new DefinitionReader();

    private static List<Path> shippedDefinitions() throws IOException {
        List<Path> definitions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("permit-bundles"))) {
            files.filter(file -> file.getParent().endsWith(Path.of("src/main/resources/OSGI-INF/raekoda"))
                    && file.getFileName().toString().matches("[a-z-]+\\.json")).forEach(definitions::add);
        }
        definitions.add(ROOT.resolve("platform-core/acceptance/src/test/resources/OSGI-INF/raekoda/street-works.json"));
        return definitions;
    }

    private EServiceDefinition read(Path definition, String json) throws IOException {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return reader.read(in, name -> {
                try {
                    // the acceptance tests' street works borrow the excavation permit's form
                    Path sibling = definition.resolveSibling(name);
                    Path borrowed = ROOT.resolve("permit-bundles/excavation/src/main/resources/OSGI-INF/raekoda")
                            .resolve(name);
                    return Files.exists(sibling) ? sibling.toUri().toURL()
                            : Files.exists(borrowed) ? borrowed.toUri().toURL() : null;
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static ObjectNode tree(Path definition) throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(Files.readString(definition));
    }

    @Test
    void everyShippedDefinitionPassesTheChecks() throws IOException {
        List<Path> definitions = shippedDefinitions();
        assertTrue(definitions.size() >= 6, "found " + definitions);
        for (Path definition : definitions) {
            EServiceDefinition read = read(definition, Files.readString(definition));
            assertFalse(read.criteria().isEmpty(), definition.toString());
        }
    }

    @Test
    void aCriterionThatCannotRunSafelyRefusesTheDefinitionAndIsNamed() throws IOException {
        Path excavation = shippedDefinitions().stream().filter(p -> p.endsWith("excavation.json")).findFirst()
                .orElseThrow();
        for (String unsafe : List.of("form.address.bytes.length()", "form.name =~ ~/(a+)+$/", "(1..1000000000)",
                "(".repeat(40) + "1" + ")".repeat(40), "form.a" + " + 1".repeat(600))) {
            ObjectNode tree = tree(excavation);
            ((ObjectNode) ((ArrayNode) tree.get("criteria")).get(2)).put("value", unsafe);
            IOException refused = assertThrows(IOException.class, () -> read(excavation, tree.toString()), unsafe);
            assertTrue(refused.getMessage().contains("/criteria/2/value criterion short: "), refused.getMessage());
        }
    }

    @Test
    void aFeeThatCannotBeChargedRefusesTheDefinition() throws IOException {
        Path excavation = shippedDefinitions().stream().filter(p -> p.endsWith("excavation.json")).findFirst()
                .orElseThrow();
        for (String fee : List.of("-5", "100000000000", "form.durationDays.class.name.length()")) {
            ObjectNode tree = tree(excavation);
            ((ObjectNode) tree.get("fee")).put("amount", fee);
            IOException refused = assertThrows(IOException.class, () -> read(excavation, tree.toString()), fee);
            assertTrue(refused.getMessage().startsWith("fee of excavation: /fee/amount"), refused.getMessage());
        }
        ObjectNode tree = tree(excavation);
        ((ObjectNode) tree.get("fee")).put("amount", "9999999999.99");
        assertEquals("9999999999.99", read(excavation, tree.toString()).fee().amount());
    }

    @Test
    void tooManyCriteriaRefuseTheDefinition() throws IOException {
        Path excavation = shippedDefinitions().stream().filter(p -> p.endsWith("excavation.json")).findFirst()
                .orElseThrow();
        ObjectNode tree = tree(excavation);
        ArrayNode criteria = (ArrayNode) tree.get("criteria");
        for (int i = 0; criteria.size() <= 100; i++) {
            criteria.add(((ObjectNode) criteria.get(0)).deepCopy().put("id", "copy-" + i));
        }
        IOException refused = assertThrows(IOException.class, () -> read(excavation, tree.toString()));
        assertTrue(refused.getMessage().contains("/criteria at most 100 criteria"), refused.getMessage());
    }

}
