package org.raekoda.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public map page in the shipped distribution, opened in headless Chromium as a resident opens it: the
 * development node's demo town issues permits of four e-services (applied for with demo tokens), and the page
 * shows them from /ogc as features and list entries, explains one when it is clicked, filters by e-service,
 * speaks Estonian, passes axe-core, and with no tile server configured asks nothing of anyone but the node.
 * Screenshots are kept in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapPageIT {

    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** E-services of the demo town whose example applications have a location and are issued at once. */
    private static final List<String> SERVICES = List.of("advertising", "excavation", "transport", "tree-felling");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private RunningDistribution karaf;
    private WebDriver browser;
    /** Permit number (the application id) by e-service. */
    private final Map<String, String> issued = new LinkedHashMap<>();

    @BeforeAll
    void issuePermitsInTheDemoTown() throws Exception {
        karaf = RunningDistribution.fresh("map-page", Map.of()).development();
        karaf.loginsReturnHere().start();
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            HttpResponse<String> offered = karaf.get("/api/v1/services?municipality=demo");
            List<String> ids = new ArrayList<>();
            JSON.readTree(offered.body()).forEach(service -> ids.add(service.path("id").asText()));
            return offered.statusCode() == 200 && ids.containsAll(SERVICES)
                    && JSON.readTree(karaf.get("/api/v1/municipalities/demo/zones").body()).size() == 5;
        });
        String token = quickToken("ee-citizen");
        for (String service : SERVICES) {
            JsonNode example = PermitServicesIT.example(service, "issued");
            ObjectNode body = JSON.createObjectNode().put("organization", "demo").put("service", service);
            body.set("form", example.path("form"));
            body.set("location", example.path("location"));
            HttpResponse<String> response = karaf.send("POST", "/api/v1/applications", body.toString(),
                    "Authorization", "Bearer " + token);
            assertEquals(201, response.statusCode(), service + ": " + response.body());
            JsonNode application = JSON.readTree(response.body());
            assertEquals("ISSUED", application.path("state").asText(), service + ": " + response.body());
            issued.put(service, application.path("id").asText());
        }
        browser = chromium();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    @Order(1)
    void theIssuedPermitsAreFeaturesOfTheMapAndEntriesOfItsList() throws Exception {
        HttpResponse<String> page = karaf.get("/map/");
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self';") && policy.contains("connect-src 'self';")
                && !policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
        assertEquals(301, karaf.get("/map").statusCode(), "/map sends the browser to /map/");
        JsonNode config = JSON.readTree(karaf.get("/map/config.json").body());
        assertTrue(config.path("tileUrl").isNull(), "no tile server unless configured: " + config);
        assertEquals("demo", config.path("organizations").path(0).path("id").asText(), config.toString());

        open("/map/?lang=en");
        waitForList(Set.copyOf(issued.values()));
        @SuppressWarnings("unchecked")
        List<String> features = (List<String>) js("return window.raekodaMap.featureIds()");
        assertTrue(features.containsAll(issued.values()), "OpenLayers' source holds " + features);
        assertEquals(((Number) js("return window.raekodaMap.featureCount()")).intValue(), listed().size());
        assertTrue(((Number) js("return window.raekodaMap.zoneCount()")).intValue() > 0,
                "the demo town's zone layers are the base");
        screenshot("map-overview");
        assertAccessible("on arrival");
    }

    @Test
    @Order(2)
    void aClickedPermitSaysWhatWhereWhenAndWhy() throws Exception {
        open("/map/?lang=en");
        waitForList(Set.copyOf(issued.values()));
        String permit = issued.get("tree-felling");
        // the permit in the middle of the view, close enough to be drawn as it is, then a click on the middle
        js("const m = window.raekodaMap.map, f = window.raekodaMap.permits.getFeatureById(arguments[0]);"
                + "m.getView().setCenter(f.getGeometry().getInteriorPoint().getCoordinates().slice(0, 2));"
                + "m.getView().setZoom(18);", permit);
        waitUntilReady();
        WebElement map = browser.findElement(By.id("map"));
        new Actions(browser).moveToElement(map, 0, 0).click().perform();
        WebElement popup = browser.findElement(By.id("popup"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> popup.isDisplayed());
        assertEquals(permit, popup.getAttribute("data-id"));
        String details = popup.getAttribute("textContent");
        for (String fact : List.of(permit, "Permit number", "Municipality", "Status", "In force", "Valid", "Why")) {
            assertTrue(details.contains(fact), fact + " in " + details);
        }
        assertTrue(details.contains("Decided automatically") || details.contains("Decided by an officer"), details);
        assertTrue(details.contains("✓ met"), "each criterion with its verdict: " + details);
        screenshot("map-popup");
        assertAccessible("with a permit's details open");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(popup.isDisplayed());

        // the keyboard path: Enter on a list entry
        open("/map/?lang=en");
        waitForList(Set.copyOf(issued.values()));
        String works = issued.get("excavation");
        onEntry(works, e -> e.sendKeys(Keys.ENTER));
        WebElement reopened = browser.findElement(By.id("popup"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> reopened.isDisplayed());
        assertEquals(works, reopened.getAttribute("data-id"));
        assertEquals("popup-title", browser.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    @Order(3)
    void filtersByEServiceAndSpeaksEstonian() throws Exception {
        open("/map/?lang=en");
        waitForList(Set.copyOf(issued.values()));
        new Select(browser.findElement(By.id("filter-service"))).selectByValue("excavation");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            Set<String> shown = listed();
            return "ready".equals(mapState()) && shown.contains(issued.get("excavation"))
                    && issued.values().stream().filter(id -> !id.equals(issued.get("excavation")))
                            .noneMatch(shown::contains);
        });
        assertEquals(listed().size(), ((Number) js("return window.raekodaMap.featureCount()")).intValue());

        new Select(browser.findElement(By.id("lang"))).selectByValue("et");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "et".equals(
                d.findElement(By.tagName("html")).getAttribute("lang")) && "ready".equals(mapState())
                && listed().contains(issued.get("excavation")));
        assertEquals("E-teenus", browser.findElement(By.cssSelector("label[for=filter-service]")).getText());
        String excavationEntry = textOfEntry(issued.get("excavation"));
        assertTrue(excavationEntry.contains("Kehtiv"), excavationEntry);
        assertTrue(browser.getCurrentUrl().contains("lang=et"));
        screenshot("map-et");
        assertAccessible("in Estonian");

        open("/map/?lang=sv");
        waitForList(Set.copyOf(issued.values()));
        assertEquals("sv", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Tillstånd på kartan", browser.getTitle());
    }

    @Test
    @Order(4)
    void withNoTileServerNothingLeavesTheNode() {
        open("/map/?lang=lv");
        waitForList(Set.copyOf(issued.values()));
        String origin = karaf.uri("/").toString();
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([location.href])");
        List<String> elsewhere = requested.stream().filter(url -> !url.startsWith(origin)).toList();
        assertEquals(List.of(), elsewhere, "the page works offline; it asked " + requested);
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
        assertEquals(List.of(), problems, "no script errors and no Content-Security-Policy violations");
    }

    private String quickToken(String person) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(karaf.uri("/demo-idp/quick-token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("person=" + person, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("map-page-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    private void open(String path) {
        URI uri = karaf.uri(path);
        browser.get(uri.toString());
    }

    private String mapState() {
        return (String) js("return document.getElementById('map').dataset.state || ''");
    }

    private void waitUntilReady() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "ready".equals(mapState()));
    }

    /** Waits until the list shows at least these permits, after the last load of the view. */
    private void waitForList(Set<String> expected) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            if ("error".equals(mapState())) {
                // the page could not read /ogc: say what the node answered rather than wait
                throw new AssertionError("the page could not load the permits: " + d.findElement(By.id("map-status"))
                        .getText() + "; GET /ogc/collections/permits/items answers " + status("/ogc/collections/permits/items?f=json"));
            }
            return "ready".equals(mapState()) && listed().containsAll(expected);
        });
    }

    private String status(String path) {
        try {
            return String.valueOf(karaf.get(path).statusCode());
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private Set<String> listed() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js("return [...document.querySelectorAll('#permit-list button')]"
                + ".map(b => b.dataset.id)");
        return Set.copyOf(ids);
    }

    /**
     * Acts on a list entry. The page draws the list again after every fetch (a move, a filter), so an entry found
     * a moment ago may have been replaced: it is found again until the action lands on a live one.
     */
    private void onEntry(String id, java.util.function.Consumer<WebElement> action) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                    action.accept(entry(id));
                    return true;
                });
    }

    /** The text of a list entry, read from a live one (see {@link #onEntry}). */
    private String textOfEntry(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> entry(id).getText());
    }

    private WebElement entry(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#permit-list button[data-id='" + id + "']"));
            return "ready".equals(mapState()) && !found.isEmpty() ? found.get(0) : null;
        });
    }

    private void assertAccessible(String when) {
        Results results = new AxeBuilder().analyze(browser);
        assertTrue(results.getPasses().size() > 10, "axe-core ran its rules " + when);
        List<String> violations = results.getViolations().stream().map(rule -> rule.getId() + " (" + rule.getImpact()
                + "): " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "))).toList();
        assertEquals(List.of(), violations, "axe-core " + when);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
