package __PKG__.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.raekoda.simulator.Mode;
import org.raekoda.simulator.SimulatedRequest;
import org.raekoda.simulator.SimulatedResponse;
import org.raekoda.simulator.Simulator;

/**
 * A stand-in for __CCU__ __SYSTEM__ that answers {@code GET /subjects/<code>} from the fixtures in
 * {@code simulator/subjects.properties} ({@code <code>.<fact>=<value>}). Make it speak the real system's protocol
 * (message format, signatures, error codes) as far as its public documentation goes: tests and the embedded
 * default run against it.
 */
public final class __CLASS__Simulator extends Simulator {

    private final Properties subjects = new Properties();

    public __CLASS__Simulator() {
        super("__CC__-__SYSTEM__");
        try (InputStream in = __CLASS__Simulator.class.getResourceAsStream("/simulator/subjects.properties")) {
            subjects.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SimulatedResponse answer(SimulatedRequest request) {
        if (mode() == Mode.FAIL) {
            return SimulatedResponse.of(503, "text/plain", "service temporarily unavailable");
        }
        if (!"GET".equals(request.method()) || !request.path().startsWith("/subjects/")) {
            return SimulatedResponse.of(404, "text/plain", "no such resource");
        }
        String code = request.path().substring("/subjects/".length());
        if (!code.matches("[A-Za-z0-9-]{1,40}")) {
            return SimulatedResponse.of(400, "text/plain", "malformed code");
        }
        String requestId = request.header("X-Request-Id");
        countDelivery(requestId == null ? "(none)" : requestId);
        StringBuilder facts = new StringBuilder();
        String prefix = code + ".";
        subjects.stringPropertyNames().stream().filter(name -> name.startsWith(prefix)).sorted()
                .forEach(name -> facts.append(name.substring(prefix.length())).append('=')
                        .append(subjects.getProperty(name)).append('\n'));
        return facts.length() == 0 ? SimulatedResponse.of(404, "text/plain", "not found")
                : SimulatedResponse.of(200, "text/plain; charset=utf-8", facts.toString());
    }
}
