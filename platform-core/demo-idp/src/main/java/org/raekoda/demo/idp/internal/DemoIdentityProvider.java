package org.raekoda.demo.idp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.node.NodeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Starts the demo OpenID Connect provider on a development node on its embedded database, and on no other:
 * in any other profile, or on a database that other nodes may share, its servlet is never registered, so
 * {@code /demo-idp/...} answers 404 there. The check is stricter than the development header's: even a test's
 * {@code allowDevelopmentIdentityOnSharedDatabase} does not open it, because the provider keeps its codes and
 * key in this node's memory, which only a single node may do.
 *
 * <p>When it runs, it makes the platform trust it through the generic relying party: a factory configuration
 * {@value #TRUST_PID}{@code ~demo}, deleted again when the provider stops or refuses to start, so that a
 * node that leaves the development profile stops trusting it.
 */
@Component(immediate = true, configurationPid = DemoIdentityProvider.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoIdpConfig.class)
public final class DemoIdentityProvider {

    static final String PID = "org.raekoda.demo.idp";
    /** The relying party's factory PID: one configuration per trusted issuer. */
    static final String TRUST_PID = "org.raekoda.identity.oidc";
    static final String TRUST_NAME = "demo";
    private static final String HTTP_PID = "org.ops4j.pax.web";
    private static final String HTTP_PORT = "org.osgi.service.http.port";

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentityProvider.class);

    private final ConfigurationAdmin configurations;
    private final ServiceRegistration<Servlet> servlet;

    @Activate
    public DemoIdentityProvider(@Reference NodeProfile profile, @Reference ConfigurationAdmin configurations,
            BundleContext context, DemoIdpConfig config) {
        this.configurations = configurations;
        if (!mayRun(profile)) {
            LOG.info("Demo identity provider off: it runs only in the development profile on the embedded database "
                    + "(profile {}, {} database)", profile.name(), profile.embeddedDatabase() ? "embedded" : "shared");
            servlet = null;
            distrust();
            return;
        }
        URI issuer = issuer(config);
        RedirectRules redirects = config.redirectUris().length == 0 ? RedirectRules.sameOrigin(issuer)
                : new RedirectRules(Arrays.asList(config.redirectUris()));
        DemoProvider provider = new DemoProvider(issuer, config.clientId(), config.clientSecret(), redirects,
                newKey(), Clock.systemUTC());
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", DemoIdpServlet.PATTERN);
        properties.put("osgi.http.whiteboard.servlet.name", "raekoda-demo-idp");
        servlet = context.registerService(Servlet.class, new DemoIdpServlet(provider), properties);
        trust(provider, config);
        LOG.warn("DEMO identity provider at {}: anyone can log in as any demo person. Development nodes only.",
                provider.issuer());
    }

    @Deactivate
    void deactivate() {
        if (servlet != null) {
            try {
                servlet.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
            distrust();
        }
    }

    /** Development profile on the embedded database: the development header's guard, and a single node. */
    static boolean mayRun(NodeProfile profile) {
        return profile.developmentShortcuts() && profile.embeddedDatabase();
    }

    /** The configured issuer, or this node's own HTTP port on localhost. */
    private URI issuer(DemoIdpConfig config) {
        if (!config.issuer().isBlank()) {
            return URI.create(config.issuer().strip());
        }
        return URI.create("http://localhost:" + httpPort() + "/demo-idp");
    }

    private String httpPort() {
        try {
            Configuration[] http = configurations.listConfigurations("(service.pid=" + HTTP_PID + ")");
            if (http != null && http.length > 0 && http[0].getProperties() != null) {
                Object port = http[0].getProperties().get(HTTP_PORT);
                if (port != null && !port.toString().isBlank()) {
                    return port.toString().strip();
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.debug("HTTP configuration not readable: {}", e.toString());
        }
        return System.getProperty(HTTP_PORT, "8181");
    }

    private void trust(DemoProvider provider, DemoIdpConfig config) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", TRUST_NAME);
        properties.put("issuer", provider.issuer().toString());
        properties.put("clientId", config.clientId());
        properties.put("clientSecret", config.clientSecret());
        properties.put("personalCodeClaim", DemoProvider.PERSONAL_CODE_CLAIM);
        properties.put("countryClaim", DemoProvider.COUNTRY_CLAIM);
        properties.put("nameClaim", DemoProvider.NAME_CLAIM);
        properties.put("stripCountryPrefix", Boolean.FALSE);
        properties.put("scopes", "openid profile");
        // Marks the configuration as this bundle's, for operators reading config:list.
        properties.put("raekoda.demo", Boolean.TRUE);
        try {
            configurations.getFactoryConfiguration(TRUST_PID, TRUST_NAME, "?").updateIfDifferent(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the relying-party configuration for the demo provider cannot be written", e);
        }
    }

    private void distrust() {
        try {
            Configuration[] existing = configurations.listConfigurations(
                    "(service.pid=" + TRUST_PID + "~" + TRUST_NAME + ")");
            if (existing != null) {
                for (Configuration configuration : existing) {
                    configuration.delete();
                    LOG.info("Removed the relying-party configuration for the demo identity provider");
                }
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            LOG.warn("The relying-party configuration for the demo identity provider could not be removed: {}",
                    e.toString());
        }
    }

    /** A fresh key at every start: tokens of an earlier run stop verifying, which is what a demo wants. */
    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key", e);
        }
    }
}
