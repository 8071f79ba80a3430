package org.raekoda.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the login endpoints read from configuration PID {@code org.raekoda.identity.sessions} (the session
 * lifetimes there belong to the identity bundle, which describes that PID's metatype).
 */
@ObjectClassDefinition(name = "Raekoda login addresses")
public @interface AuthConfig {

    /**
     * Where browsers reach the platform, without a trailing slash. The login callback registered with every
     * provider is this plus {@code /api/v1/auth/callback}; it is never taken from the request's Host header.
     */
    @AttributeDefinition(description = "Public base URL of the platform, as browsers reach it")
    String publicBaseUrl() default "http://localhost:8181";
}
