package org.raekoda.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.persistence}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda database", description = "Schema migrations and database health")
public @interface DatabaseConfig {

    @AttributeDefinition(description = "Filter that selects the DataSource published by pax-jdbc-config")
    String dataSource_target() default "(dataSourceName=raekoda)";

    @AttributeDefinition(description = "Seconds between attempts to migrate a database that is not reachable yet")
    int migrationRetrySeconds() default 5;

    @AttributeDefinition(description = "Seconds a health check waits for the database to answer")
    int validationTimeoutSeconds() default 2;
}
