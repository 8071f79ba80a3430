package __PKG__.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.raekoda.integration.__CC__.__SYSTEMID__}, file
 * {@code etc/org.raekoda.integration.__CC__.__SYSTEMID__.cfg}. Only configuration tells the simulator from the real
 * system: point {@code baseUrl} at the real endpoint and put its credentials here (secrets as {@code ${env:VAR}}).
 */
@ObjectClassDefinition(name = "Raekoda __CCU__ __SYSTEM__")
public @interface __CLASS__Config {

    /** The system's address. Empty on a production node = not configured: nothing is registered. */
    @AttributeDefinition(required = false)
    String baseUrl() default "";

    @AttributeDefinition(required = false)
    int connectTimeoutMillis() default 2_000;

    @AttributeDefinition(required = false)
    int readTimeoutMillis() default 10_000;
}
