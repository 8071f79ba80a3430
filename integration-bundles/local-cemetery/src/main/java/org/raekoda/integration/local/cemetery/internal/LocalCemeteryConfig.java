package org.raekoda.integration.local.cemetery.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.registry.cemetery.local}. */
@ObjectClassDefinition(name = "Raekoda local cemetery register",
        description = "Plot status from a CSV file: organization,cemetery,section,plot,status (free|reserved|occupied)")
public @interface LocalCemeteryConfig {

    @AttributeDefinition(description = "Path of the CSV file")
    String plotsFile();
}
