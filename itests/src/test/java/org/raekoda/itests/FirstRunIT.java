package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The quick start as a new user meets it: {@code RAEKODA_PROFILE=development bin/karaf} on the embedded
 * database comes up with the demo municipality (five e-services, the sample zone layers, a cemetery register),
 * so that the first request can be a submission, and with a console user for {@code bin/client}; the
 * production profile, or {@code RAEKODA_DEMO=false}, starts empty. The first start prints no Liquibase summary
 * into the console.
 */
class FirstRunIT {

    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("advertising", "excavation", "grave-site", "transport",
            "tree-felling");
    private static final String RESIDENT = "subject=first-user; roles=APPLICANT";
    private static final String DEMO_ADMIN = "subject=demo-admin; roles=ADMIN; organization=demo";

    @Test
    void developmentOnTheEmbeddedDatabaseStartsWithADemoMunicipalityAndAConsole() throws Exception {
        try (RunningDistribution karaf = RunningDistribution.fresh("first-run", Map.of("RAEKODA_PROFILE", "development"))) {
            karaf.start();
            awaitDemo(karaf);
            assertEquals(5, zoneLayers(karaf).size(), "the sample town's layers: " + zoneLayers(karaf));

            // The first request can be a submission, issued at once: the plot is free in the seeded register,
            // and the works are off the main streets of the loaded layer.
            assertEquals("ISSUED", submit(karaf, "grave-site", example("grave-site", "issued")).path("state").asText());
            ObjectNode works = example("excavation", "issued");
            ((ObjectNode) works.path("form")).put("startDate", LocalDate.now().plusDays(14).toString());
            assertEquals("ISSUED", submit(karaf, "excavation", works).path("state").asText());

            String console = Files.readString(karaf.home().resolve("console.log"));
            assertFalse(console.contains("UPDATE SUMMARY") || console.contains("Liquibase"),
                    "Liquibase writes into the console:\n" + console);
            assertTrue(Files.readString(karaf.home().resolve("data/log/karaf.log")).contains("UPDATE SUMMARY"),
                    "the change-set summary is in the log");

            // The console: bin/client logs in as the development user, without arguments.
            assertTrue(client(karaf, "raekoda:services").contains("grave-site"));
            Path plots = karaf.home().resolve("plots.csv");
            Files.writeString(plots, "raadi,12,34,occupied\nraadi,12,35,free\nraadi,7,102,free\nraadi,7,103,free\n");
            assertTrue(client(karaf, "raekoda:cemetery-load demo " + plots).contains("now holds 4 plots"));
            assertEquals(4, registerRows(karaf));
            assertEquals("IN_REVIEW", submit(karaf, "grave-site", example("grave-site", "issued")).path("state").asText(),
                    "the plot is occupied in the register just loaded");

            // A restart adds nothing and undoes nothing: the register keeps the rows loaded by the admin.
            karaf.stop();
            karaf.start();
            awaitDemo(karaf);
            assertEquals(5, zoneLayers(karaf).size());
            assertEquals(4, registerRows(karaf), "the demo does not seed over an administrator's register");
        }
    }

    @Test
    void productionStartsEmptyWithNoConsoleUser() throws Exception {
        try (RunningDistribution karaf = RunningDistribution.fresh("first-run-production",
                Map.of("RAEKODA_PROFILE", "production"))) {
            karaf.start();
            awaitLog(karaf, "No demo municipality: the node's profile is production");
            assertEquals(404, karaf.get("/api/v1/services?municipality=demo").statusCode());
            assertEquals("[]", karaf.get("/api/v1/services").body(), "no e-service is installed for a demo");
            for (String line : Files.readAllLines(karaf.home().resolve("etc/users.properties"))) {
                assertTrue(line.isBlank() || line.startsWith("#"), "a production node has no console user: " + line);
            }
            assertFalse(Files.readString(karaf.home().resolve("console.log")).contains("UPDATE SUMMARY"));
        }
    }

    @Test
    void raekodaDemoFalseStartsADevelopmentNodeEmpty() throws Exception {
        try (RunningDistribution karaf = RunningDistribution.fresh("first-run-no-demo",
                Map.of("RAEKODA_PROFILE", "development", "RAEKODA_DEMO", "false"))) {
            karaf.start();
            awaitLog(karaf, "No demo municipality: RAEKODA_DEMO=false");
            assertEquals(404, karaf.get("/api/v1/services?municipality=demo").statusCode());
        }
    }

    private static void awaitDemo(RunningDistribution karaf) {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                .until(karaf::health, health -> health != null && health.status() == 200);
        await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            HttpResponse<String> offered = karaf.get("/api/v1/services?municipality=demo");
            if (offered.statusCode() != 200) {
                return false;
            }
            List<String> ids = new ArrayList<>();
            JSON.readTree(offered.body()).forEach(s -> ids.add(s.path("id").asText()));
            return ids.containsAll(SERVICES) && registerRows(karaf) > 0 && zoneLayers(karaf).size() == 5;
        });
    }

    private static void awaitLog(RunningDistribution karaf, String line) {
        Path log = karaf.home().resolve("data/log/karaf.log");
        await().atMost(BOOT).pollInterval(Duration.ofSeconds(1))
                .until(() -> Files.exists(log) && Files.readString(log).contains(line));
        await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                .until(karaf::health, health -> health != null && health.status() == 200);
    }

    private static List<String> zoneLayers(RunningDistribution karaf) throws Exception {
        List<String> layers = new ArrayList<>();
        JSON.readTree(karaf.get("/api/v1/municipalities/demo/zones").body()).forEach(l -> layers.add(l.asText()));
        return layers;
    }

    private static int registerRows(RunningDistribution karaf) throws Exception {
        HttpResponse<String> register = karaf.get("/api/v1/municipalities/demo/registers/cemetery",
                "X-Raekoda-Dev-Caller", DEMO_ADMIN);
        assertEquals(200, register.statusCode(), register.body());
        return JSON.readTree(register.body()).path("rows").asInt();
    }

    private static JsonNode submit(RunningDistribution karaf, String service, JsonNode example) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", "demo");
        body.put("service", service);
        body.set("form", example.path("form"));
        body.set("location", example.path("location"));
        HttpResponse<String> response = karaf.send("POST", "/api/v1/applications", body.toString(),
                "X-Raekoda-Dev-Caller", RESIDENT);
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** Runs one command through bin/client, as a user would, and returns what it printed. */
    private static String client(RunningDistribution karaf, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(karaf.home().resolve("bin/client").toString(), "-r", "10", "-d", "2",
                command).directory(karaf.home().toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(client.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, client.exitValue(), output);
        assertNotEquals("", output.strip());
        return output;
    }

    /** An example from the permit bundle's own jar. */
    private static ObjectNode example(String service, String name) throws IOException {
        String definition = FirstRunIT.class.getClassLoader().getResource("OSGI-INF/raekoda/" + service + ".json").toString();
        try (InputStream in = new URL(definition.replace(service + ".json", "examples/" + name + ".json")).openStream()) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
