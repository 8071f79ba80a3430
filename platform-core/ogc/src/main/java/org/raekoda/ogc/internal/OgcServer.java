package org.raekoda.ogc.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.map.PublicPermits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the OGC API – Features service at {@code /ogc}, beside the platform's API at {@code /api}. CXF's
 * shared servlet is bound to {@code /api} (etc/org.apache.cxf.osgi.cfg), and every bus of the container
 * registers its endpoints there by default; so this server has its own bus, its own HTTP transport with its own
 * destination registry, and its own CXF servlet on the HTTP Whiteboard at {@code /ogc/*}. Nothing it holds has
 * to agree between nodes: every answer comes from the database through {@link PublicPermits}.
 */
@Component(immediate = true, configurationPid = "org.raekoda.ogc", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OgcConfig.class)
public final class OgcServer {

    private static final Logger LOG = LoggerFactory.getLogger(OgcServer.class);
    static final String PATTERN = "/ogc/*";

    private final Bus bus;
    private final Server server;
    private final ServiceRegistration<Servlet> servlet;

    @Activate
    public OgcServer(@Reference PublicPermits permits, @Reference Catalogue catalogue,
            @Reference OrganizationService organizations, OgcConfig config, BundleContext context) {
        OgcService service = new OgcService(permits, catalogue, organizations, Clock.systemUTC(),
                Duration.ofSeconds(Math.max(0, config.extentCacheSeconds())));
        OgcResource resource = new OgcResource(service, config.publicBaseUrl());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF discovers its extensions through the context class loader.
        thread.setContextClassLoader(OgcServer.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
            DestinationRegistry registry = new DestinationRegistryImpl();
            HTTPTransportFactory transport = new HTTPTransportFactory(registry);
            DestinationFactoryManager destinations = bus.getExtension(DestinationFactoryManager.class);
            for (String namespace : HTTPTransportFactory.DEFAULT_NAMESPACES) {
                destinations.registerDestinationFactory(namespace, transport);
            }
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            factory.setTransportId(HTTPTransportFactory.DEFAULT_NAMESPACES.get(0));
            factory.setServiceBeans(List.of(resource));
            factory.setProviders(List.of(new OgcExceptionMapper(service, resource), new OgcHeadersFilter()));
            server = factory.create();
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("osgi.http.whiteboard.servlet.pattern", PATTERN);
            properties.put("osgi.http.whiteboard.servlet.name", "raekoda-ogc");
            servlet = context.registerService(Servlet.class, new CXFNonSpringServlet(registry, bus), properties);
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("OGC API – Features published at /ogc");
    }

    @Deactivate
    void deactivate() {
        servlet.unregister();
        server.destroy();
        bus.shutdown(true);
    }
}
