package org.raekoda.rest.internal;

import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.openapi.OpenApiCustomizer;
import org.apache.cxf.jaxrs.openapi.OpenApiFeature;
import org.apache.cxf.jaxrs.swagger.ui.SwaggerUiConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.CriteriaService;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.health.HealthService;
import org.raekoda.api.identity.BearerTokens;
import org.raekoda.api.identity.BrowserLogins;
import org.raekoda.api.identity.People;
import org.raekoda.api.identity.Mandates;
import org.raekoda.api.identity.Memberships;
import org.raekoda.api.node.NodeProfile;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.LocalRepresentationRights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's one JAX-RS server. Error mapping, JSON and the OpenAPI document are set up here,
 * once, for every resource, so that no resource can forget them.
 */
@Component(immediate = true, configurationPid = "org.raekoda.rest",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public final class RestServer {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /** Every resource class of the server; their operations' access rules are read from them (AccessRules). */
    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, ServicesResource.class,
            ApplicationsResource.class, OfficerResource.class, AdminResource.class, RegistersResource.class,
            MembershipsResource.class, AccessAuditResource.class, MeResource.class, RepresentationResource.class,
            AuthResource.class);

    private final Bus bus;
    private final Server server;

    @Activate
    public RestServer(@Reference HealthService health, @Reference Catalogue catalogue,
            @Reference ApplicationService applications, @Reference CriteriaService criteria,
            @Reference OrganizationService organizations, @Reference NodeProfile node, @Reference LocalRegisters registers,
            @Reference BearerTokens tokens, @Reference BrowserLogins logins, @Reference People people,
            @Reference Memberships memberships, @Reference Mandates mandates,
            @Reference LocalRepresentationRights representationRights, @Reference PublicAddress address, RestConfig config) {
        // The node profile logs a WARN at start when it allows callers to name themselves.
        Callers callers = new Callers(node, tokens, logins, people);
        ObjectMapper json = RestJson.mapper(config.maxBodyBytes(), config.maxJsonNestingDepth(),
                config.maxJsonNumberLength());
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // CXF discovers its extensions through the context class loader.
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            bus = BusFactory.newInstance().createBus();
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(config.address());
            List<Object> resources = List.of(new HealthResource(health, node, callers),
                    new ServicesResource(catalogue, organizations),
                    new ApplicationsResource(applications, callers),
                    new OfficerResource(applications, callers),
                    new AdminResource(criteria, organizations, callers),
                    new RegistersResource(registers),
                    new MembershipsResource(memberships, callers),
                    new AccessAuditResource(memberships, callers),
                    new MeResource(people, mandates, callers),
                    new RepresentationResource(representationRights),
                    new AuthResource(logins, address.baseUrl()));
            if (!resources.stream().map(Object::getClass).toList().equals(RESOURCES)) {
                throw new IllegalStateException("RESOURCES must list every resource, so that its access rules are read");
            }
            factory.setServiceBeans(resources);
            factory.setProviders(List.of(new RestJson.WholeBodyProvider(json), new ProblemExceptionMapper(),
                    new BodyLimitFilter(config.maxBodyBytes(), config.maxZoneLayerBytes()),
                    new AccessFilter(callers), new ResponseHeadersFilter()));
            factory.setFeatures(List.of(openApi(config)));
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("REST API published at {}", config.address());
    }

    @Deactivate
    void deactivate() {
        server.destroy();
        bus.shutdown(true);
    }

    private static OpenApiFeature openApi(RestConfig config) {
        OpenApiFeature openApi = new OpenApiFeature();
        openApi.setTitle("Raekoda API");
        openApi.setDescription("E-services for municipalities: catalogue, applications, decisions and permits.");
        openApi.setVersion("1");
        openApi.setLicense("Apache License, Version 2.0");
        openApi.setLicenseUrl("https://www.apache.org/licenses/LICENSE-2.0");
        openApi.setPrettyPrint(true);
        openApi.setScan(false);
        openApi.setUseContextBasedConfig(true);
        openApi.setResourcePackages(java.util.Set.of(RestServer.class.getPackageName()));
        OpenApiCustomizer customizer = new ApiDocument(AccessRules.of(RESOURCES));
        customizer.setDynamicBasePath(true);
        openApi.setCustomizer(customizer);
        // Swagger UI comes from the org.webjars/swagger-ui bundle of the feature: no CDN.
        openApi.setSupportSwaggerUi(true);
        openApi.setSwaggerUiConfig(new SwaggerUiConfig().url(config.openApiPath()).queryConfigEnabled(false));
        return openApi;
    }
}
