package org.raekoda.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Submissions per second with automatic issuance through the HTTP API of the real distribution on
 * PostgreSQL, beside the rate at which the same PostgreSQL accepts the same rows written directly with
 * JDBC (one application, one decision, two audit lines per submission, one transaction each), in the
 * same run, and the same submissions authenticated with OpenID Connect bearer tokens (of NAV's
 * mock-oauth2-server on loopback) beside the development header, alternating halves of the run. Loopback only;
 * bounded in time.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar org.raekoda.benchmarks.SubmissionLoad
 * <distribution.tar.gz> <excavation bundle jar> [clients] [seconds] [permits already issued]}
 *
 * <p>With permits already issued, that many issued permits of the same municipality are written first,
 * spread over the seven years 2020–2026 (1 to 30 days each), as a municipality's history accumulates, and
 * over the area north of the generator's grid, so that the clash check of every submission has to look
 * past them (none of them clashes).
 */
public final class SubmissionLoad {

    // Two weeks ahead: an excavation whose period has begun is refused.
    private static final String FORM = "{\"address\":\"Rüütli 1, Tartu\",\"purpose\":\"water\",\"areaSquareMetres\":6,"
            + "\"depthMetres\":1.2,\"startDate\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14)
            + "\",\"durationDays\":3,\"trafficImpact\":\"none\"}";
    private static final AtomicLong PLACES = new AtomicLong();

    /**
     * A small square of its own for every submission, on a grid west of the sample town's main streets:
     * permits claim their place and time, so the same works at the same place would clash and go to review.
     */
    private record Square(double west, double south) {

        static Square next() {
            long n = PLACES.getAndIncrement();
            return new Square(26.0 + (n % 1000) * 0.0004, 58.0 + (n / 1000) * 0.0003);
        }

        double east() {
            return west + 0.0002;
        }

        double north() {
            return south + 0.0002;
        }

        String geoJson() {
            return String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],"
                    + "[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}", west, south, east(), south, east(), north(),
                    west, north(), west, south);
        }
    }

    private static String body() {
        return "{\"organization\":\"tartu\",\"service\":\"excavation\",\"form\":" + FORM + ",\"location\":"
                + Square.next().geoJson() + "}";
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]).toAbsolutePath();
        Path permit = Path.of(args[1]).toAbsolutePath();
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int existing = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int pgPort = freePort();
        int httpPort = freePort();
        Path home = Files.createTempDirectory("raekoda-load");
        run(home, "tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1");
        // Callers name themselves in the development header, which on PostgreSQL works only when a test allows it.
        Files.writeString(home.resolve("etc/org.raekoda.node.cfg"), "\nallowDevelopmentIdentityOnSharedDatabase=true\n",
                java.nio.file.StandardOpenOption.APPEND);
        // A real OpenID Connect provider on loopback, so that the same run can compare bearer tokens with the header.
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start(java.net.InetAddress.getLoopbackAddress(), freePort());
        Files.writeString(home.resolve("etc/org.raekoda.identity.oidc-load.cfg"), String.join("\n",
                "issuer = " + provider.issuerUrl("load"), "clientId = raekoda", "clientSecret = load",
                "personalCodeClaim = sub", "stripCountryPrefix = true", ""));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(pgPort).start()) {
            ProcessBuilder karaf = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
            karaf.environment().put("RAEKODA_DB_DRIVER", "org.postgresql.Driver");
            karaf.environment().put("RAEKODA_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
            karaf.environment().put("RAEKODA_DB_USER", "postgres");
            karaf.environment().put("RAEKODA_DB_PASSWORD", "postgres");
            karaf.environment().put("RAEKODA_HTTP_PORT", String.valueOf(httpPort));
            karaf.environment().put("RAEKODA_PROFILE", "development");
            // The generator deploys its own excavation bundle; the demo would install the feature of the same one.
            karaf.environment().put("RAEKODA_DEMO", "false");
            karaf.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = karaf.start();
            try {
                String base = "http://localhost:" + httpPort + "/api/v1";
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                waitFor(http, base + "/health");
                Files.copy(permit, home.resolve("deploy").resolve(permit.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                waitFor(http, base + "/services/excavation");
                expect(send(http, "PUT", base + "/organizations/tartu",
                        "{\"kind\":\"MUNICIPALITY\",\"name\":{\"en\":\"Tartu\"}}", "subject=root; roles=PLATFORM_ADMIN", null), 200);
                expect(send(http, "PUT", base + "/municipalities/tartu/services/excavation", "{\"mode\":\"AUTOMATIC\"}",
                        "subject=mari; roles=ADMIN; organization=tartu", null), 200);
                // The off-main-street criterion needs the layer; the clash check runs on every submission.
                expect(send(http, "PUT", base + "/municipalities/tartu/zones/main-street",
                        Files.readString(home.resolve("etc/raekoda/sample-layers/main-street.geojson")),
                        "subject=mari; roles=ADMIN; organization=tartu", null), 200);

                if (existing > 0) {
                    issueBeforehand(postgres.getPostgresDatabase(), existing);
                }
                load(clients, 5, () -> expect(send(http, "POST", base + "/applications", body(), "subject=warmup; roles=APPLICANT",
                        UUID.randomUUID().toString()), 201));
                // One person per client thread, each with their own token, verified on every request.
                Map<Long, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
                Step withHeader = () -> issued(send(http, "POST", base + "/applications", body(),
                        "subject=load-" + Thread.currentThread().getId() + "; roles=APPLICANT", UUID.randomUUID().toString()));
                Step withToken = () -> issued(sendWithToken(http, base + "/applications", body(),
                        tokens.computeIfAbsent(Thread.currentThread().getId(), id -> token(provider, id))));
                load(clients, 5, withToken);
                // Alternating halves, so that the machine's drift during the run falls on both alike.
                double api = (load(clients, seconds / 2, withHeader) + load(clients, seconds / 2, withHeader)) / 2;
                double apiTokens = load(clients, seconds / 2, withToken);
                api = (api + load(clients, seconds / 2, withHeader)) / 2;
                apiTokens = (apiTokens + load(clients, seconds / 2, withToken)) / 2;
                DataSource database = postgres.getPostgresDatabase();
                // One connection per client, as the platform's pool keeps them: a new PostgreSQL backend per
                // transaction starts with cold caches, and here that time would be spent holding the lock.
                ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                    try {
                        return database.getConnection();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                double raw = load(clients, seconds, () -> insertDirectly(connections.get()));
                System.out.printf("clients %d, %d s each, %d permits issued beforehand%n", clients, seconds, existing);
                System.out.printf("HTTP API, automatic issuance: %.1f submissions/s%n", api);
                System.out.printf("HTTP API with bearer tokens:  %.1f submissions/s (%.1f %% of the header's)%n", apiTokens,
                        100 * apiTokens / api);
                System.out.printf("raw JDBC, same rows:          %.1f submissions/s%n", raw);
                System.out.printf("platform / raw:               %.1f %%%n", 100 * api / raw);
            } finally {
                provider.shutdown();
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor();
            }
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs the step from {@code clients} threads for {@code seconds}; returns completed steps per second. */
    private static double load(int clients, int seconds, Step step) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    step.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Issued permits spread over 2020–2026 and over lon 26.0–26.4, lat 58.01–58.31 (north of the load's grid). */
    private static void issueBeforehand(DataSource database, int count) throws Exception {
        java.util.Random random = new java.util.Random(42);
        Instant now = Instant.now();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("insert into application (id, organization_id,"
                        + " service_id, service_version, applicant, state, form_json, location_json, fee, currency,"
                        + " row_version, submitted_at, updated_at, occupied_from, occupied_until, bbox_west, bbox_south,"
                        + " bbox_east, bbox_north) values (?,'tartu','excavation','1.1.0','earlier','ISSUED',?,?,26.00,'EUR',1,"
                        + "?,?,?,?,?,?,?,?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                double west = 26.0 + random.nextDouble() * 0.4;
                double south = 58.01 + random.nextDouble() * 0.3;
                LocalDate from = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(7 * 365));
                Square square = new Square(west, south);
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, FORM);
                insert.setString(3, square.geoJson());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setObject(6, from);
                insert.setObject(7, from.plusDays(random.nextInt(30)));
                insert.setDouble(8, square.west());
                insert.setDouble(9, square.south());
                insert.setDouble(10, square.east());
                insert.setDouble(11, square.north());
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
            try (var analyze = connection.createStatement()) {
                analyze.execute("analyze application");
            }
            connection.commit();
        }
    }

    private static void insertDirectly(Connection connection) throws Exception {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Square square = Square.next();
        {
            connection.setAutoCommit(false);
            // The same guarantee as the platform's: issuances that occupy a place are serialized per
            // organization, and the permits in the box and period are read before the row goes in.
            try (PreparedStatement lock = connection.prepareStatement("select id from organization where id = ? for update");
                    PreparedStatement occupants = connection.prepareStatement("select id, location_json from application"
                            + " where organization_id = ? and state = 'ISSUED' and occupied_from <= ? and occupied_until >= ?"
                            + " and bbox_west <= ? and bbox_east >= ? and bbox_south <= ? and bbox_north >= ?")) {
                lock.setString(1, "tartu");
                lock.executeQuery().close();
                occupants.setString(1, "tartu");
                occupants.setObject(2, LocalDate.of(2026, 12, 3));
                occupants.setObject(3, LocalDate.of(2026, 12, 1));
                occupants.setDouble(4, square.east());
                occupants.setDouble(5, square.west());
                occupants.setDouble(6, square.north());
                occupants.setDouble(7, square.south());
                occupants.executeQuery().close();
            }
            try (PreparedStatement application = connection.prepareStatement("insert into application (id, organization_id,"
                    + " service_id, service_version, applicant, state, form_json, location_json, fee, currency, phase,"
                    + " assignee, deadline, valid_until, row_version, submitted_at, updated_at, idempotency_key,"
                    + " occupied_from, occupied_until, bbox_west, bbox_south, bbox_east, bbox_north)"
                    + " values (?,?,?,?,?,?,?,?,?,?,null,null,null,?,1,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement decision = connection.prepareStatement("insert into decision (id, application_id,"
                            + " outcome, automation_mode, automatic, verdict, ruleset_hash, evaluation_json, reason,"
                            + " decided_by, decided_at) values (?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement audit = connection.prepareStatement("insert into audit_event (application_id, seq,"
                            + " organization_id, at, actor, channel, action, from_state, to_state, detail)"
                            + " values (?,?,?,?,?,?,?,?,?,?)")) {
                application.setString(1, id);
                application.setString(2, "tartu");
                application.setString(3, "excavation");
                application.setString(4, "1.0.0");
                application.setString(5, "raw-" + Thread.currentThread().getId());
                application.setString(6, "ISSUED");
                application.setString(7, FORM);
                application.setString(8, square.geoJson());
                application.setBigDecimal(9, new BigDecimal("26.00"));
                application.setString(10, "EUR");
                application.setObject(11, LocalDate.now().plusDays(10));
                application.setTimestamp(12, Timestamp.from(now));
                application.setTimestamp(13, Timestamp.from(now));
                application.setString(14, UUID.randomUUID().toString());
                application.setObject(15, LocalDate.of(2026, 12, 1));
                application.setObject(16, LocalDate.of(2026, 12, 3));
                application.setDouble(17, square.west());
                application.setDouble(18, square.south());
                application.setDouble(19, square.east());
                application.setDouble(20, square.north());
                application.executeUpdate();
                decision.setString(1, UUID.randomUUID().toString());
                decision.setString(2, id);
                decision.setString(3, "ISSUED");
                decision.setString(4, "AUTOMATIC");
                decision.setBoolean(5, true);
                decision.setString(6, "ISSUE");
                decision.setString(7, "0".repeat(64));
                decision.setString(8, "{\"inputs\":{\"form\":" + FORM + "},\"results\":[]}");
                decision.setString(9, "");
                decision.setString(10, "raekoda");
                decision.setTimestamp(11, Timestamp.from(now));
                decision.executeUpdate();
                for (int seq = 1; seq <= 2; seq++) {
                    audit.setString(1, id);
                    audit.setInt(2, seq);
                    audit.setString(3, "tartu");
                    audit.setTimestamp(4, Timestamp.from(now));
                    audit.setString(5, "raw");
                    audit.setString(6, "SELF_SERVICE");
                    audit.setString(7, seq == 1 ? "submitted" : "issued");
                    audit.setString(8, "SUBMITTED");
                    audit.setString(9, "ISSUED");
                    audit.setString(10, "");
                    audit.executeUpdate();
                }
            }
            connection.commit();
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String body, String caller,
            String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Raekoda-Dev-Caller", caller)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void issued(HttpResponse<String> response) {
        expect(response, 201);
        if (!response.body().contains("\"state\":\"ISSUED\"")) {
            throw new IllegalStateException("not issued automatically: " + response.body());
        }
    }

    /** An access token of the loopback provider for a person of the load, valid for the run. */
    private static String token(MockOAuth2Server provider, long client) {
        String person = "EE" + (38001085000L + client);
        return provider.issueToken("load", "raekoda", new DefaultOAuth2TokenCallback("load", person, "JWT",
                List.of("raekoda"), Map.of("name", "Load " + client), 3600)).serialize();
    }

    private static HttpResponse<String> sendWithToken(HttpClient http, String url, String body, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    private static void waitFor(HttpClient http, String url) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Karaf is still starting
            }
            Thread.sleep(200); // a load generator's own start-up wait, not a test
        }
        throw new IllegalStateException(url + " did not answer 200 within 120 s");
    }

    private static void run(Path directory, String... command) throws Exception {
        if (new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
