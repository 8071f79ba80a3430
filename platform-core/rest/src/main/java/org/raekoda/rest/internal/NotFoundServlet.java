package org.raekoda.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Answers every path the node does not serve (anything outside {@code /api}) with a 404 problem and the same
 * security headers as the API, instead of the web server's own page. A servlet at {@code /} is the one that
 * gets requests no other servlet matches; the API's servlet at {@code /api} is more specific and keeps its own.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/",
    "osgi.http.whiteboard.servlet.name=raekoda-not-found"
})
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"Nothing is served here; the API is under /api\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", ResponseHeadersFilter.DATA_POLICY);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setContentLength(BODY.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(BODY);
        }
    }
}
