package org.raekoda.integration.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the platform's one Camel context. Country integration bundles contribute their routes as
 * {@link RoutesBuilder} services with the property {@code raekoda.routes=true}; the routes come
 * and go with their bundles, without restarting the context.
 */
@Component(service = HealthContributor.class, immediate = true)
public final class CamelContextLauncher implements HealthContributor {

    static final String NAME = "camel";
    static final String CONTEXT_NAME = "raekoda";
    private static final Logger LOG = LoggerFactory.getLogger(CamelContextLauncher.class);

    private final OsgiDefaultCamelContext camel;
    private final ServiceRegistration<CamelContext> registration;

    @Activate
    public CamelContextLauncher(BundleContext bundleContext) {
        camel = new OsgiDefaultCamelContext(bundleContext);
        camel.setName(CONTEXT_NAME);
        camel.start();
        // Published so that integration bundles can use the context, e.g. for a ProducerTemplate.
        registration = bundleContext.registerService(CamelContext.class, camel,
                new java.util.Hashtable<>(Map.of("camel.context.name", CONTEXT_NAME)));
        LOG.info("Camel context {} started", CONTEXT_NAME);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        camel.stop();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(raekoda.routes=true)")
    void addRoutes(RoutesBuilder routes) throws Exception {
        camel.addRoutes(routes);
    }

    void removeRoutes(RoutesBuilder routes) throws Exception {
        if (routes instanceof org.apache.camel.builder.RouteBuilder) {
            for (var definition : ((org.apache.camel.builder.RouteBuilder) routes).getRouteCollection().getRoutes()) {
                camel.getRouteController().stopRoute(definition.getRouteId());
                camel.removeRoute(definition.getRouteId());
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ComponentHealth check() {
        ServiceStatus status = camel.getStatus();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", CONTEXT_NAME);
        facts.put("version", camel.getVersion());
        facts.put("routes", camel.getRoutes().size());
        facts.put("status", status.name());
        if (status.isStarted()) {
            return ComponentHealth.up(NAME, "context started", facts);
        }
        return new ComponentHealth(NAME, org.raekoda.api.health.HealthStatus.DOWN, "context is " + status.name(), facts);
    }
}
