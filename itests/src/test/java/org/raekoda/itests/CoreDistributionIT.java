package org.raekoda.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.raekoda.api.health.HealthReport;
import org.raekoda.api.health.HealthService;

/**
 * Boots the built distribution (the tar.gz a user downloads) with Pax Exam and checks, from inside
 * the container and over HTTP, what the foundation promises: the core as boot features, the health
 * endpoint, the OpenAPI document, Swagger UI, problem+json errors and the raekoda:status command.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreDistributionIT {


    @Inject
    private BundleContext bundleContext;

    @Inject
    private FeaturesService features;

    @Inject
    @Filter(timeout = 60_000)
    private HealthService health;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] configuration() {
        return ExamDistribution.options();
    }

    /** Boot features finish installing after Pax Exam starts the probe: every test starts from a healthy node. */
    @Before
    public void nodeIsHealthy() {
        awaitHealthy();
    }

    @Test
    public void coreFeatureIsInstalledAtBootAndItsBundlesAreActive() throws Exception {
        assertTrue(features.isInstalled(features.getFeature("raekoda-core")));
        for (String name : new String[] {"org.raekoda.api", "org.raekoda.engine", "org.raekoda.persistence",
            "org.raekoda.integration", "org.raekoda.rest", "org.raekoda.shell"}) {
            Bundle bundle = bundleBySymbolicName(name);
            assertEquals(name + " state", Bundle.ACTIVE, bundle.getState());
        }
    }

    @Test
    public void healthEndpointAnswers200WithEveryComponentUp() throws Exception {
        HttpResponse<String> response = awaitHealthy();
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = response.body();
        assertTrue(body, body.contains("\"status\":\"UP\""));
        assertTrue(body, body.contains("\"database\":{\"status\":\"UP\""));
        assertTrue(body, body.contains("\"camel\":{\"status\":\"UP\""));
        assertTrue(body, body.contains("\"bundles\":{\"status\":\"UP\""));
        assertTrue(body, body.contains("\"product\":\"H2\""));
    }

    @Test
    public void openApiDocumentDescribesTheHealthEndpoint() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"openapi\" : \"3."));
        assertTrue(response.body(), response.body().contains("\"/v1/health\""));
    }

    @Test
    public void swaggerUiIsServedByThePlatformItself() throws Exception {
        HttpResponse<String> page = get("/api/api-docs/?url=/api/openapi.json");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui-bundle.js"));
        HttpResponse<String> script = get("/api/api-docs/swagger-ui-bundle.js");
        assertEquals(200, script.statusCode());
        assertTrue("the script is the real Swagger UI", script.body().length() > 100_000);
    }

    @Test
    public void unknownPathIsAProblemDocumentWithoutStackTrace() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body(), response.body().contains("\"status\":404"));
        assertTrue(response.body(), !response.body().contains("Exception") && !response.body().contains("\tat "));
    }

    @Test
    public void statusCommandPrintsTheSameFactsAsHealth() throws Exception {
        awaitHealthy();
        HealthReport report = health.check();
        String output = execute("raekoda:status");
        assertTrue(output, output.contains("Raekoda node: UP"));
        String installationId = (String) report.component("database").orElseThrow().facts().get("installationId");
        assertTrue(output, output.contains(installationId));
        assertTrue(output, output.contains("camel"));
        assertTrue(output, output.contains("bundles"));
    }

    private HttpResponse<String> awaitHealthy() {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/api/v1/health"), response -> response.statusCode() == 200);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ExamDistribution.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String execute(String command) throws Exception {
        return ExamDistribution.execute(sessions, command);
    }

    private Bundle bundleBySymbolicName(String name) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + name + " is not installed");
    }
}
