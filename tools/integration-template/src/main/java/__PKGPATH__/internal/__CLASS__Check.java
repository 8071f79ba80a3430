package __PKG__.internal;

import java.time.Instant;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.integration.CheckAnswer;
import org.raekoda.api.integration.CheckKind;
import org.raekoda.api.integration.CheckRequest;
import org.raekoda.api.integration.RegistryCheck;
import org.raekoda.api.integration.SystemUnavailableException;
import org.raekoda.api.node.NodeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * __CCU__ __SYSTEM__ as a registry check of kind __KIND__. Registered only when it knows where the system is: the
 * configured {@code baseUrl}, or, on a development node, the simulator inside the platform.
 */
@Component(configurationPid = "org.raekoda.integration.__CC__.__SYSTEMID__",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = __CLASS__Config.class)
public final class __CLASS__Check implements RegistryCheck {

    static final String SYSTEM = "__CC__-__SYSTEM__";
    private static final Logger LOG = LoggerFactory.getLogger(__CLASS__Check.class);

    private final ProducerTemplate producer;
    private final ServiceRegistration<?> routes;
    private final ServiceRegistration<?> check;

    @Activate
    public __CLASS__Check(@Reference(target = "(camel.context.name=raekoda)") CamelContext camel,
            @Reference NodeProfile node, BundleContext bundle, __CLASS__Config config) {
        String baseUrl = config.baseUrl().isBlank() && node.developmentShortcuts()
                ? "http://127.0.0.1:" + System.getenv().getOrDefault("RAEKODA_HTTP_PORT", "8181") + "/simulators/"
                        + SYSTEM
                : config.baseUrl();
        if (baseUrl.isBlank()) {
            LOG.warn("{} is not configured: set baseUrl in etc/org.raekoda.integration.__CC__.__SYSTEMID__.cfg;"
                    + " until then no application is checked against it", SYSTEM);
            producer = null;
            routes = null;
            check = null;
            return;
        }
        producer = camel.createProducerTemplate();
        routes = bundle.registerService(RoutesBuilder.class,
                new __CLASS__Routes(baseUrl, config.connectTimeoutMillis(), config.readTimeoutMillis()),
                new Hashtable<>(Map.of("raekoda.routes", "true")));
        check = bundle.registerService(RegistryCheck.class, this, new Hashtable<>(Map.of("raekoda.system", SYSTEM)));
    }

    /** For tests: a check over a Camel context the test made. */
    __CLASS__Check(ProducerTemplate producer) {
        this.producer = producer;
        this.routes = null;
        this.check = null;
    }

    @Deactivate
    void deactivate() throws Exception {
        if (check != null) {
            check.unregister();
            routes.unregister();
            producer.stop();
        }
    }

    @Override
    public String country() {
        return "__CCU__";
    }

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.__KIND__;
    }

    @Override
    public CheckAnswer check(CheckRequest request) {
        String code = request.arguments().get("code");
        if (code == null || !code.matches("[A-Za-z0-9-]{1,40}")) {
            return new CheckAnswer(CheckAnswer.Outcome.INVALID_ARGUMENT, Map.of(), SYSTEM, Instant.now());
        }
        Exchange answer = producer.request(__CLASS__Routes.ENDPOINT, exchange -> {
            exchange.getIn().setHeader("code", code);
            exchange.getIn().setHeader("requestId", request.requestId());
        });
        if (answer.getException() != null) {
            throw new SystemUnavailableException(SYSTEM, "no answer: " + answer.getException().getClass().getSimpleName(),
                    answer.getException());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        if (status == 404) {
            return new CheckAnswer(CheckAnswer.Outcome.NOT_FOUND, Map.of(), SYSTEM, Instant.now());
        }
        if (status == 400) {
            return new CheckAnswer(CheckAnswer.Outcome.INVALID_ARGUMENT, Map.of(), SYSTEM, Instant.now());
        }
        if (status != 200) {
            throw new SystemUnavailableException(SYSTEM, "answered HTTP " + status);
        }
        return new CheckAnswer(CheckAnswer.Outcome.FOUND, facts(body), SYSTEM, Instant.now());
    }

    /**
     * The facts criteria read as {@code registry.<check>.*}, from the system's answer: here flat
     * {@code name=value} lines. Replace with the real system's format (JSON, XML) and name facts plainly.
     */
    static Map<String, Object> facts(String body) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String line : body == null ? new String[0] : body.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                String value = line.substring(equals + 1).trim();
                facts.put(line.substring(0, equals).trim(),
                        "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : value);
            }
        }
        return facts;
    }
}
