package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docs/writing-an-e-service.md, step by step, as an integrator follows it: generate a sixth e-service
 * with tools/new-e-service, build it with Maven, drop the jar into deploy/ of a running distribution,
 * offer it in a municipality and submit its example applications.
 */
class NewEServiceIT {

    private static final String ROOT = "subject=root; roles=PLATFORM_ADMIN";
    private static final String ADMIN = "subject=mari; roles=ADMIN; organization=tartu";
    private static final String ALICE = "subject=alice; roles=APPLICANT";

    @Test
    void aGeneratedEServiceBuildsAndHotDeploysIntoARunningPlatform() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Path workspace = Path.of("target", "new-e-service-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(workspace);

        run(repository, List.of("bash", "tools/new-e-service", "street-event", "Street event notice",
                workspace.toString(), "org.example.tartu"));
        Path project = workspace.resolve("street-event");
        run(project, List.of("mvn", "-B", "-q", "-Dmaven.repo.local="
                + System.getProperty("org.ops4j.pax.url.mvn.localRepository"), "package"));
        Path jar = project.resolve("target/raekoda-permit-street-event-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.exists(jar));

        try (RunningDistribution karaf = RunningDistribution.fresh("new-e-service", Map.of()).development().start()) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(karaf::health, health -> health != null && health.status() == 200);
            Files.copy(jar, karaf.home().resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> karaf.get("/api/v1/services/street-event").statusCode() == 200);

            assertEquals(200, karaf.send("PUT", "/api/v1/organizations/tartu",
                    "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Tartu\"}}", "X-Raekoda-Dev-Caller", ROOT).statusCode());
            assertEquals(200, karaf.send("PUT", "/api/v1/municipalities/tartu/services/street-event",
                    "{\"mode\":\"AUTOMATIC\"}", "X-Raekoda-Dev-Caller", ADMIN).statusCode());
            Path examples = project.resolve("src/main/resources/OSGI-INF/raekoda/examples");
            assertEquals("ISSUED", state(karaf, examples.resolve("issued.json")));
            assertEquals("IN_REVIEW", state(karaf, examples.resolve("review.json")));
        }
    }

    private static String state(RunningDistribution karaf, Path example) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(example.toFile());
        String body = "{\"organization\":\"tartu\",\"service\":\"street-event\",\"form\":" + json.path("form")
                + ",\"location\":" + json.path("location") + "}";
        var response = karaf.send("POST", "/api/v1/applications", body, "X-Raekoda-Dev-Caller", ALICE);
        assertEquals(201, response.statusCode(), response.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("state").asText();
    }

    private static void run(Path directory, List<String> command) throws Exception {
        File log = Files.createTempFile("new-e-service", ".log").toFile();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(log.toPath()));
        }
    }
}
