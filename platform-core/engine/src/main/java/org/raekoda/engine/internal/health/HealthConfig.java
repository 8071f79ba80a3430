package org.raekoda.engine.internal.health;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.health}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda health", description = "What a node must have to call itself healthy")
public @interface HealthConfig {

    @AttributeDefinition(description = "Symbolic names of the bundles that must be ACTIVE")
    String[] requiredBundles() default {
        "org.raekoda.api", "org.raekoda.engine", "org.raekoda.persistence",
        "org.raekoda.integration", "org.raekoda.rest", "org.raekoda.shell"
    };

    @AttributeDefinition(description = "Health contributors that must be registered, by name")
    String[] requiredComponents() default {"database", "camel"};

    @AttributeDefinition(description = "How long one check may take before it counts as DOWN, in milliseconds")
    long checkTimeoutMillis() default 3000;
}
