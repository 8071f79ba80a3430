package org.raekoda.map.page.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The page's script in headless Chromium against a stand-in of /ogc and /api that answers from fixtures (the
 * item JSON of the shared contract): what it asks for, what it lists and draws, the details it shows, filters
 * and languages, without booting the platform. MapPageIT does the same against the real distribution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapPageFixtureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HttpServer server;
    private WebDriver browser;
    private final List<String> itemQueries = Collections.synchronizedList(new ArrayList<>());
    private final List<String> foreignRequests = Collections.synchronizedList(new ArrayList<>());
    private String base;
    /** What config.json and the policy say; a test may switch to a tile server. */
    private volatile PageSettings settings;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are installed by tools/install-test-packages");
        JsonNode items = JSON.readTree(getClass().getResourceAsStream("/fixtures/items.json"));
        byte[] zone = getClass().getResourceAsStream("/fixtures/zone.json").readAllBytes();
        settings = PageSettings.of(TestConfigs.none());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/map/")) {
                String file = path.substring("/map".length());
                exchange.getResponseHeaders().set("Content-Security-Policy", settings.contentSecurityPolicy());
                if (file.equals("/config.json")) {
                    send(exchange, "application/json", JSON.writeValueAsBytes(settings.page(List.of(
                            Map.of("id", "demo", "kind", "MUNICIPALITY", "name", Map.of("en", "Demo town",
                                    "et", "Näidislinn"))))));
                } else if (MapPageServlet.FILES.containsKey(file)) {
                    try (InputStream in = getClass().getResourceAsStream("/map-page"
                            + (file.equals("/") ? "/index.html" : file))) {
                        send(exchange, MapPageServlet.FILES.get(file), in.readAllBytes());
                    }
                } else {
                    send(exchange, 404, "text/plain", new byte[0]);
                }
            } else if (path.equals("/ogc/collections/permits")) {
                send(exchange, "application/json", ("{\"id\":\"permits\",\"extent\":{\"spatial\":{\"bbox\":"
                        + "[[26.69,58.36,26.74,58.39]]}}}").getBytes(StandardCharsets.UTF_8));
            } else if (path.matches("/ogc/collections/[a-z-]+/items")) {
                itemQueries.add(path + "?" + exchange.getRequestURI().getRawQuery());
                String collection = path.split("/")[3];
                Set<String> statuses = Set.of(query.getOrDefault("status", "issued").split(","));
                ArrayNode chosen = JSON.createArrayNode();
                items.path("features").forEach(feature -> {
                    JsonNode properties = feature.path("properties");
                    if ((collection.equals("permits") || collection.equals(properties.path("service").asText()))
                            && statuses.contains(properties.path("status").asText())) {
                        chosen.add(feature);
                    }
                });
                ObjectNode page = JSON.createObjectNode().put("type", "FeatureCollection")
                        .put("numberMatched", chosen.size()).put("numberReturned", chosen.size());
                page.set("features", chosen);
                page.set("links", JSON.createArrayNode());
                send(exchange, "application/geo+json", JSON.writeValueAsBytes(page));
            } else if (path.equals("/api/v1/services")) {
                send(exchange, "application/json", ("[{\"id\":\"excavation\",\"title\":\"Excavation permit\","
                        + "\"titles\":{\"en\":\"Excavation permit\",\"et\":\"Kaevetööde luba\"}},"
                        + "{\"id\":\"advertising\",\"title\":\"Outdoor advertising permit\","
                        + "\"titles\":{\"en\":\"Outdoor advertising permit\",\"et\":\"Välireklaami luba\"}},"
                        + "{\"id\":\"transport\",\"title\":\"Heavy transport permit\",\"titles\":{}}]")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/api/v1/municipalities/demo/zones")) {
                send(exchange, "application/json", "[\"old-town\"]".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/api/v1/municipalities/demo/zones/old-town")) {
                send(exchange, "application/geo+json", zone);
            } else {
                foreignRequests.add(path);
                send(exchange, 404, "text/plain", new byte[0]);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = chromium();
    }

    static WebDriver chromium() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("map-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void listsDrawsExplainsFiltersAndSpeaksFourLanguages() {
        browser.get(base + "/map/?lang=en");
        int loads = waitForLoad(0);
        assertEquals(Set.of("EXC-2026-000001", "ADV-2026-000002", "TRN-2026-000003"), listed());
        assertEquals(3L, js("return window.raekodaMap.featureCount()"));
        String first = itemQueries.get(itemQueries.size() - 1);
        assertTrue(first.startsWith("/ogc/collections/permits/items?") && first.contains("status=issued")
                && first.contains("lang=en") && first.contains("bbox=") && first.contains("f=json"), first);
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertAccessible("on arrival");

        // the keyboard path: Enter on a list entry shows what, where, when and why
        onEntry("EXC-2026-000001", e -> e.sendKeys(Keys.ENTER));
        WebElement popup = browser.findElement(By.id("popup"));
        assertTrue(popup.isDisplayed());
        String details = popup.getAttribute("textContent");
        for (String fact : List.of("Excavation permit", "EXC-2026-000001", "Demo town", "In force", "Shallower than 2 m",
                "met", "Legal basis: Street Works Rules § 4", "Does not disturb traffic", "Decided automatically")) {
            assertTrue(details.contains(fact), fact + " in " + details);
        }
        assertEquals("popup-title", browser.switchTo().activeElement().getAttribute("id"));
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(popup.isDisplayed());
        // back on its list entry, even when the list was drawn again meanwhile
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "EXC-2026-000001".equals(
                js("return document.activeElement && document.activeElement.dataset.id")));

        // an officer's decision says so
        onEntry("ADV-2026-000002", WebElement::click);
        String officer = popup.getAttribute("textContent");
        assertAccessible("with a permit's details open");
        assertTrue(officer.contains("Decided by an officer") && officer.contains("not met"), officer);
        screenshot("map-fixture-popup");
        browser.findElement(By.id("popup-close")).click();

        new Select(browser.findElement(By.id("filter-service"))).selectByValue("advertising");
        waitForList(Set.of("ADV-2026-000002"));
        assertTrue(itemQueries.get(itemQueries.size() - 1).startsWith("/ogc/collections/advertising/items?"));

        new Select(browser.findElement(By.id("filter-service"))).selectByValue("excavation");
        waitForList(Set.of("EXC-2026-000001"));
        browser.findElement(By.cssSelector("input[name=status][value=expired]")).click();
        waitForList(Set.of("EXC-2026-000001", "EXC-2026-000004"));
        loads = waitForLoad(0);
        assertTrue(itemQueries.get(itemQueries.size() - 1).contains("status=issued%2Cexpired"));

        WebElement from = browser.findElement(By.id("filter-from"));
        js("const f = document.getElementById('filter-from'), u = document.getElementById('filter-until');"
                + "f.value = '2026-12-02'; u.value = '2026-12-02'; f.dispatchEvent(new Event('change', {bubbles: true}))");
        loads = waitForLoad(loads);
        assertTrue(itemQueries.get(itemQueries.size() - 1).contains("datetime=2026-12-02&")
                || itemQueries.get(itemQueries.size() - 1).endsWith("datetime=2026-12-02"), itemQueries.toString());
        js("document.getElementById('filter-until').value = '2026-12-01';"
                + "document.getElementById('filter-until').dispatchEvent(new Event('change', {bubbles: true}))");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("filter-problem")).getText()
                .isEmpty());
        assertTrue(from.isDisplayed());
        js("document.getElementById('filter-from').value = '';"
                + "document.getElementById('filter-until').value = '';");

        new Select(browser.findElement(By.id("lang"))).selectByValue("et");
        waitForLoad(loads);
        assertEquals("et", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("E-teenus", browser.findElement(By.cssSelector("label[for=filter-service]")).getText());
        assertTrue(itemQueries.get(itemQueries.size() - 1).contains("lang=et"));
        assertTrue(browser.getCurrentUrl().endsWith("lang=et"), browser.getCurrentUrl());
        assertEquals("Kaevetööde luba", new Select(browser.findElement(By.id("filter-service")))
                .getFirstSelectedOption().getText());

        assertAccessible("in Estonian");
        assertEquals(List.of(), foreignRequests, "the page asks only for what the platform serves");
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry1 -> entry1.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
        assertEquals(List.of(), problems, "no script errors and no Content-Security-Policy violations");
    }

    @Test
    void whenTheTileServerCannotBeReachedTheZonesAreTheBase() {
        // nothing listens on the discard port of loopback: every tile fails at once
        settings = PageSettings.of(TestConfigs.tiles("http://127.0.0.1:9/{z}/{x}/{y}.png"));
        try {
            browser.get(base + "/map/?lang=sv");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> ((Number) js(
                    "return window.raekodaMap ? window.raekodaMap.zoneCount() : 0")).intValue() > 0);
            assertEquals(false, js("return window.raekodaMap.tilesShown()"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("map-status")).getText()
                    .contains("Bakgrundskartan kunde inte hämtas")
                    || !listed().isEmpty());
        } finally {
            settings = PageSettings.of(TestConfigs.none());
        }
    }

    private void assertAccessible(String when) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .analyze(browser);
        List<String> violations = results.getViolations().stream().map(rule -> rule.getId() + ": " + rule.getNodes()
                .stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.toList());
        assertTrue(results.getPasses().size() > 10, "axe-core ran its rules " + when);
        assertEquals(List.of(), violations, "axe-core " + when);
    }

    /** The list entry of a permit once the list has stopped changing (a pan loads the view again). */
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

    private WebElement entry(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            Object state = js("return document.getElementById('map').dataset.state");
            List<WebElement> found = d.findElements(By.cssSelector("#permit-list button[data-id='" + id + "']"));
            return "ready".equals(state) && !found.isEmpty() ? found.get(0) : null;
        });
    }

    private void screenshot(String name) {
        try {
            Path target = Path.of("target/screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int waitForLoad(int before) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            Object loads = js("const m = document.getElementById('map'); return m && m.dataset.state === 'ready'"
                    + " ? Number(m.dataset.loads || 0) : -1");
            return ((Number) loads).intValue() > before;
        });
        return ((Number) js("return Number(document.getElementById('map').dataset.loads)")).intValue();
    }

    private Set<String> listed() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js("return [...document.querySelectorAll('#permit-list button')]"
                + ".map(b => b.dataset.id)");
        return Set.copyOf(ids);
    }

    /** Waits until the list shows these permits: a pan may have started a load of its own before the filter's. */
    private void waitForList(Set<String> expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> expected.equals(listed())
                && "ready".equals(js("return document.getElementById('map').dataset.state")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        send(exchange, 200, type, body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
