package org.raekoda.rest.internal;

import java.net.URI;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Where browsers reach the platform ({@code publicBaseUrl} of PID {@code org.raekoda.identity.sessions}). A
 * component of its own because RestServer's metatype designates exactly one PID.
 */
@Component(service = PublicAddress.class, configurationPid = "org.raekoda.identity.sessions",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class PublicAddress {

    private final String baseUrl;

    @Activate
    public PublicAddress(AuthConfig config) {
        String configured = config.publicBaseUrl().strip();
        URI parsed = URI.create(configured);
        if (!parsed.isAbsolute() || parsed.getHost() == null
                || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
            throw new IllegalArgumentException("publicBaseUrl must be an absolute http(s) URL: " + configured);
        }
        this.baseUrl = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    String baseUrl() {
        return baseUrl;
    }
}
