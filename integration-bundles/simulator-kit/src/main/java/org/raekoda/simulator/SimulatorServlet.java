package org.raekoda.simulator;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A simulator as a servlet, for the HTTP whiteboard of a development node, so that submit → check → pay → issue
 * runs on a laptop without internet. Register it only where development shortcuts are allowed.
 */
public final class SimulatorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Simulator simulator;

    public SimulatorServlet(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse out) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(http.getHeaders(name)));
        }
        byte[] body = http.getInputStream().readNBytes(LoopbackServer.MAX_BODY_BYTES);
        String path = http.getPathInfo() == null ? "/" : http.getPathInfo();
        SimulatedResponse response = simulator.handle(new SimulatedRequest(http.getMethod().toUpperCase(Locale.ROOT),
                path, http.getQueryString(), headers, body));
        out.setStatus(response.status());
        response.headers().forEach(out::setHeader);
        out.getOutputStream().write(response.body());
    }
}
