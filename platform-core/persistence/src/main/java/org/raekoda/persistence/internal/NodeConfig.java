package org.raekoda.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.node}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda node", description = "What kind of node this is: production or development")
public @interface NodeConfig {

    /** The profile of a node nobody configured. */
    String PRODUCTION = "production";

    @AttributeDefinition(description = "development or production. Only exactly 'development' turns on development "
            + "shortcuts (callers naming themselves in a header), and only on the embedded database; any other "
            + "value, and an empty one, means production")
    String profile() default PRODUCTION;

    @AttributeDefinition(description = "FOR TESTS ONLY: let the development profile's shortcuts work on a shared "
            + "database (PostgreSQL) too")
    boolean allowDevelopmentIdentityOnSharedDatabase() default false;
}
