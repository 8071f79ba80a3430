package org.raekoda.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A simulator on a loopback socket of its own, outside Karaf: tests start it in their own process, so that it
 * outlives a platform node they kill, and {@link #stop()} makes the system really unreachable (connections
 * refused), then {@link #start()} brings it back on the same port.
 */
public final class LoopbackServer implements AutoCloseable {

    /** The most a simulator reads of one request: national systems' messages are small. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final Simulator simulator;
    private int port;
    private HttpServer server;
    private ExecutorService threads;

    /** @param port the port on 127.0.0.1, or 0 for any free one */
    public LoopbackServer(Simulator simulator, int port) {
        this.simulator = simulator;
        this.port = port;
    }

    public synchronized LoopbackServer start() throws IOException {
        if (server != null) {
            return this;
        }
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        created.createContext("/", this::exchange);
        threads = Executors.newFixedThreadPool(16);
        created.setExecutor(threads);
        created.start();
        port = created.getAddress().getPort();
        server = created;
        return this;
    }

    /** Closes the socket: callers get "connection refused" until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        stop();
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            SimulatedRequest request = new SimulatedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
            SimulatedResponse response = simulator.handle(request);
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        }
    }
}
