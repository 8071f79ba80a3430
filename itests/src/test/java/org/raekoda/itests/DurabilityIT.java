package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a node on the embedded database has answered 201 to survives the node being killed with SIGKILL in
 * the middle of a submission load: after a restart every acknowledged application is there, and its
 * Idempotency-Key gives back the same application.
 */
class DurabilityIT {

    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOWN = "durability";
    private static final int CLIENTS = 4;
    /** Acknowledged submissions to wait for before the kill: enough that some are in flight when it comes. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @Test
    void everyAcknowledgedApplicationSurvivesKillDashNine() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("RAEKODA_PROFILE", "development"));
        // To compare with another H2 URL (for instance without WRITE_DELAY=0): -Ddurability.h2Url=jdbc:h2:file:...
        String url = System.getProperty("durability.h2Url");
        if (url != null && !url.isBlank()) {
            environment.put("RAEKODA_DB_URL", url);
        }
        try (RunningDistribution karaf = RunningDistribution.fresh("durability", environment)) {
            karaf.bootFeatures(List.of("raekoda-permit-excavation"));
            karaf.start();
            awaitHealthy(karaf);
            await().atMost(BOOT).until(() -> karaf.get("/api/v1/services/excavation").statusCode() == 200);
            expect(200, karaf.send("PUT", "/api/v1/organizations/" + TOWN,
                    "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Durability\"}}", "X-Raekoda-Dev-Caller",
                    "subject=root; roles=PLATFORM_ADMIN"));
            expect(200, karaf.send("PUT", "/api/v1/municipalities/" + TOWN + "/services/excavation",
                    "{\"mode\":\"AUTOMATIC\"}", "X-Raekoda-Dev-Caller", "subject=admin; roles=ADMIN; organization=" + TOWN));

            Map<String, String> acknowledged = new ConcurrentHashMap<>(); // Idempotency-Key -> application id
            Map<String, String> owners = new ConcurrentHashMap<>();       // Idempotency-Key -> caller
            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            String body = submission();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            long started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                String caller = "subject=resident-" + c + "; roles=APPLICANT";
                clients.submit(() -> {
                    while (!killed.get()) {
                        String key = "durability-" + sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = karaf.send("POST", "/api/v1/applications", body,
                                    "X-Raekoda-Dev-Caller", caller, "Idempotency-Key", key);
                            if (response.statusCode() == 201) {
                                owners.put(key, caller);
                                acknowledged.put(key, JSON.readTree(response.body()).path("id").asText());
                            }
                        } catch (IOException | InterruptedException e) {
                            // The node is gone: no answer, no acknowledgement.
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                    .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            double seconds = (System.nanoTime() - started) / 1e9;
            int beforeKill = acknowledged.size();
            karaf.killJvm();
            killed.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
            System.out.printf("%d submissions acknowledged with 201 in %.1f s (%.0f/s, %d clients) before kill -9;"
                    + " %d sent in all%n", beforeKill, seconds, beforeKill / seconds, CLIENTS, sent.get());

            karaf.start();
            awaitHealthy(karaf);
            List<String> lost = new ArrayList<>();
            List<String> otherId = new ArrayList<>();
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                String caller = owners.get(ack.getKey());
                HttpResponse<String> found = karaf.get("/api/v1/applications/" + ack.getValue(),
                        "X-Raekoda-Dev-Caller", caller);
                if (found.statusCode() != 200) {
                    lost.add(ack.getValue() + " (" + found.statusCode() + ")");
                    continue;
                }
                HttpResponse<String> again = karaf.send("POST", "/api/v1/applications", body,
                        "X-Raekoda-Dev-Caller", caller, "Idempotency-Key", ack.getKey());
                String id = JSON.readTree(again.body()).path("id").asText();
                if (again.statusCode() / 100 != 2 || !ack.getValue().equals(id)) {
                    otherId.add(ack.getKey() + " -> " + again.statusCode() + " " + id);
                }
            }
            assertEquals(List.of(), lost, "acknowledged with 201, gone after kill -9 (" + acknowledged.size() + " acknowledged)");
            assertEquals(List.of(), otherId, "the same Idempotency-Key must give back the same application");
        }
    }

    /** The excavation e-service's own example, on days that are still ahead. */
    private static String submission() throws IOException {
        // Every permit jar has examples/issued.json: take the one beside excavation's definition.
        String definition = DurabilityIT.class.getClassLoader().getResource("OSGI-INF/raekoda/excavation.json").toString();
        JsonNode example;
        try (InputStream in = new URL(definition.replace("excavation.json", "examples/issued.json")).openStream()) {
            example = JSON.readTree(in);
        }
        ObjectNode form = (ObjectNode) example.path("form").deepCopy();
        form.put("startDate", LocalDate.now().plusDays(30).toString());
        ObjectNode body = JSON.createObjectNode();
        body.put("organization", TOWN);
        body.put("service", "excavation");
        body.set("form", form);
        body.set("location", example.path("location"));
        return body.toString();
    }

    private static void awaitHealthy(RunningDistribution karaf) {
        await().atMost(BOOT).pollInterval(Duration.ofMillis(250))
                .until(karaf::health, health -> health != null && health.status() == 200);
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }
}
