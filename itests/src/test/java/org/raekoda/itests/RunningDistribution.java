package org.raekoda.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The unpacked distribution started as a user starts it ({@code bin/karaf server}), in a folder of
 * its own, on free ports. Stopping it sends SIGTERM, as a service manager would.
 */
public final class RunningDistribution implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int httpPort;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Process process;

    private RunningDistribution(Path home, int httpPort, Map<String, String> environment) {
        this.home = home;
        this.httpPort = httpPort;
        this.environment = environment;
    }

    /** Copies the unpacked distribution into a fresh folder under target/. */
    public static RunningDistribution fresh(String name, Map<String, String> environment) throws IOException {
        Path source = Path.of(System.getProperty("raekoda.distribution.home"));
        Path home = Path.of("target", "runs", name + "-" + System.nanoTime()).toAbsolutePath();
        copyTree(source, home);
        int sshPort = FreePorts.next();
        replaceInFile(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort = 8101", "sshPort = " + sshPort);
        Path management = home.resolve("etc/org.apache.karaf.management.cfg");
        replaceInFile(management, "rmiRegistryPort = 1099", "rmiRegistryPort = " + FreePorts.next());
        replaceInFile(management, "rmiServerPort = 44444", "rmiServerPort = " + FreePorts.next());
        Map<String, String> env = new HashMap<>(environment);
        int httpPort = FreePorts.next();
        env.put("RAEKODA_HTTP_PORT", String.valueOf(httpPort));
        return new RunningDistribution(home, httpPort, env);
    }

    /**
     * Adds features to those installed at boot, as a municipality that lists its e-services in
     * {@code etc/org.apache.karaf.features.cfg} would, as a stage of their own after the core's (resolving
     * them together with the core's in one stage takes Karaf's resolver minutes); call before {@link #start()}.
     */
    public RunningDistribution bootFeatures(List<String> features) throws IOException {
        Path file = home.resolve("etc/org.apache.karaf.features.cfg");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        int line = lines.indexOf("featuresBoot = \\");
        if (line < 0) {
            throw new IllegalStateException(file + " has no featuresBoot list");
        }
        while (lines.get(line).endsWith("\\")) {
            line++;
        }
        lines.set(line, lines.get(line) + ", \\");
        lines.add(line + 1, "    (" + String.join(", ", features) + ")");
        Files.write(file, lines);
        return this;
    }

    /**
     * The quick start's profile, {@code development}, in which callers may name themselves in the
     * {@code X-Raekoda-Dev-Caller} header (on the embedded database only); call before {@link #start()}.
     */
    public RunningDistribution development() {
        environment.put("RAEKODA_PROFILE", "development");
        return this;
    }

    /**
     * The development profile on a shared database (PostgreSQL), as only tests run it: the header works there
     * only with {@code allowDevelopmentIdentityOnSharedDatabase=true} in etc/org.raekoda.node.cfg.
     */
    public RunningDistribution developmentOnSharedDatabase() throws IOException {
        development();
        Files.writeString(home.resolve("etc/org.raekoda.node.cfg"),
                "\nallowDevelopmentIdentityOnSharedDatabase=true\n", java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /**
     * Trusts an OpenID Connect provider as an operator does, with a file {@code etc/org.raekoda.identity.oidc-<name>.cfg}
     * (the personal code in {@code sub} after its country, as Estonia's TARA writes it), and sends logins back to
     * this node's own port; call before {@link #start()}.
     */
    public RunningDistribution trustIdentityProvider(String name, String issuer, String clientId) throws IOException {
        Files.writeString(home.resolve("etc/org.raekoda.identity.oidc-" + name + ".cfg"), String.join("\n",
                "issuer = " + issuer, "clientId = " + clientId, "clientSecret = the-secret", "scopes = openid",
                "personalCodeClaim = sub", "stripCountryPrefix = true", "nameClaim = name", ""));
        return loginsReturnHere();
    }

    /** The login callback on this node's port rather than the quick start's 8181; call before {@link #start()}. */
    public RunningDistribution loginsReturnHere() throws IOException {
        Files.writeString(home.resolve("etc/org.raekoda.identity.sessions.cfg"),
                "publicBaseUrl = http://localhost:" + httpPort + "\n");
        return this;
    }

    public RunningDistribution start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        return this;
    }

    /** Stops Karaf the way an init system does, and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        ProcessHandle[] children = process.descendants().toArray(ProcessHandle[]::new);
        for (ProcessHandle child : children) {
            child.destroy();
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            child.onExit().join();
        }
        process = null;
    }

    /**
     * Kills the Karaf JVM with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, nothing
     * is flushed. The {@code bin/karaf} script that started it then exits by itself.
     */
    public void killJvm() throws InterruptedException {
        ProcessHandle java = karafJvm();
        if (!java.destroyForcibly()) {
            throw new IllegalStateException("could not kill the Karaf JVM " + java.pid());
        }
        java.onExit().join();
        process.waitFor(30, TimeUnit.SECONDS);
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** GET with optional header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(15)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Any request with a body (may be null), JSON unless a Content-Type is among the optional header
     * name/value pairs.
     */
    public HttpResponse<String> send(String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The health document, or null while nothing answers on the port yet. */
    public Health health() {
        try {
            HttpResponse<String> response = get("/api/v1/health");
            return new Health(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Resident memory of the Karaf JVM in kibibytes, read from /proc. */
    public long residentKib() throws IOException {
        ProcessHandle java = karafJvm();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(java.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no VmRSS for " + java.pid());
    }

    /** The java process that runs Karaf: a child of the {@code bin/karaf} script, not the script itself. */
    private ProcessHandle karafJvm() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Karaf JVM under " + process.pid()));
    }

    public Path home() {
        return home;
    }

    /** The URL of a path on this node. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** A health answer: the HTTP status and the JSON body. */
    public record Health(int status, JsonNode body, String raw) {

        public String component(String name, String field) {
            return body.path("components").path(name).path(field).asText();
        }

        public String fact(String component, String fact) {
            return body.path("components").path(component).path("facts").path(fact).asText();
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                Path destination = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        for (File script : target.resolve("bin").toFile().listFiles()) {
            script.setExecutable(true);
        }
    }

    private static void replaceInFile(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer contains '" + from + "'");
        }
        Files.writeString(file, text.replace(from, to));
    }
}
