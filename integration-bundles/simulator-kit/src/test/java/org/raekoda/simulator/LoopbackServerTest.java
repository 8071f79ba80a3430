package org.raekoda.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    /** Echoes the body and counts it by the X-Key header. */
    static final class Echo extends Simulator {
        Echo() {
            super("echo");
        }

        @Override
        protected SimulatedResponse answer(SimulatedRequest request) {
            if (mode() == Mode.FAIL) {
                return SimulatedResponse.of(502, "text/plain", "gateway broken");
            }
            countDelivery(request.header("X-Key"));
            return SimulatedResponse.of(200, "text/plain", request.bodyText());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> post(String url, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersCountsFailsAndGoesDownForReal() throws Exception {
        try (LoopbackServer server = new LoopbackServer(new Echo(), 0).start()) {
            String url = server.baseUrl() + "/anything";
            assertEquals("hello", post(url, "a", "hello").body());
            post(url, "a", "again");
            post(url, "b", "once");
            assertEquals(2L, server.simulator().deliveries().get("a"));
            assertEquals(1L, server.simulator().deliveries().get("b"));

            assertEquals(200, post(server.baseUrl() + "/_control/mode?mode=FAIL", "-", "").statusCode());
            assertEquals(502, post(url, "c", "x").statusCode());
            assertEquals(400, post(server.baseUrl() + "/_control/mode?mode=SIDEWAYS", "-", "").statusCode());

            server.stop();
            assertThrows(ConnectException.class, () -> post(url, "d", "x"));
            server.start();
            server.simulator().mode(Mode.NORMAL);
            assertEquals(200, post(url, "d", "x").statusCode());
            String counts = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_control/counts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(counts.contains("\"a\":2"), counts);
        }
    }

    @Test
    void slowModeWaitsBeforeAnswering() throws IOException, Exception {
        try (LoopbackServer server = new LoopbackServer(new Echo(), 0).start()) {
            server.simulator().mode(Mode.SLOW);
            server.simulator().delay(Duration.ofMillis(400));
            long started = System.nanoTime();
            assertEquals(200, post(server.baseUrl() + "/x", "k", "slow").statusCode());
            assertTrue(System.nanoTime() - started >= 400_000_000L);
        }
    }
}
