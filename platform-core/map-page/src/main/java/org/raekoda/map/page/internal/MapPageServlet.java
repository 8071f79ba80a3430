package org.raekoda.map.page.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public map at {@code /map/}: a static page (HTML, one ES module, CSS, its texts and OpenLayers, all from
 * this bundle) and {@code /map/config.json}, the installation's base layer and first view with the
 * organizations the filter offers. The page reads permits from {@code /ogc} and zone layers from {@code /api};
 * it keeps no state on the node, so any node answers any request. Public: nothing here is personal.
 */
@Component(service = Servlet.class, configurationPid = MapPageServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
            "osgi.http.whiteboard.servlet.pattern=/map/*",
            "osgi.http.whiteboard.servlet.name=raekoda-map-page"
        })
@Designate(ocd = MapConfig.class)
public final class MapPageServlet extends HttpServlet {

    static final String PID = "org.raekoda.map";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MapPageServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"The map serves its page, its scripts and config.json here\"}";

    /** The files of the page, by path below /map: nothing else in the bundle is served. */
    static final Map<String, String> FILES = files();

    private final transient OrganizationService organizations;
    private final transient PageSettings settings;

    @Activate
    public MapPageServlet(@Reference OrganizationService organizations, MapConfig config) {
        this.organizations = organizations;
        this.settings = PageSettings.of(config);
        settings.problems().forEach(problem -> LOG.warn("Public map ({}): {}", PID, problem));
        LOG.info("Public map at /map/, base layer: {}", settings.tileSource() == null ? "the zone layers"
                : "tiles from " + settings.tileSource());
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/", "text/html; charset=utf-8");
        files.put("/app.js", "text/javascript; charset=utf-8");
        files.put("/map.css", "text/css; charset=utf-8");
        files.put("/messages.json", "application/json");
        files.put("/ol/ol.js", "text/javascript; charset=utf-8");
        files.put("/ol/ol.css", "text/css; charset=utf-8");
        return Map.copyOf(files);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // tile servers may ask where their tiles are shown: the origin, never the page's query
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Content-Security-Policy", settings.contentSecurityPolicy());
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // /map: relative URLs in the page resolve below /map/
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "/"
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            return;
        }
        if ("/config.json".equals(path)) {
            byte[] body = JSON.writeValueAsBytes(settings.page(organizations()));
            response.setHeader("Cache-Control", "no-cache");
            write(request, response, "application/json", body);
            return;
        }
        String type = FILES.get(path);
        byte[] body = type == null ? null : resource(path.equals("/") ? "/index.html" : path);
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            write(request, response, "application/problem+json", PROBLEM.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        // a new bundle version may change the page; browsers ask again after a short while
        response.setHeader("Cache-Control", "public, max-age=300");
        write(request, response, type, body);
    }

    /** The organizations' ids and names in every language they have: public facts, the filter's choices. */
    private List<Map<String, Object>> organizations() {
        return organizations.all().stream().sorted(java.util.Comparator.comparing(Organization::id))
                .map(organization -> Map.<String, Object>of("id", organization.id(), "kind", organization.kind().name(),
                        "name", organization.name().texts()))
                .toList();
    }

    private byte[] resource(String path) throws IOException {
        try (InputStream in = MapPageServlet.class.getResourceAsStream("/map-page" + path)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String type, byte[] body)
            throws IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
