package org.raekoda.engine.internal.application;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Factory PID {@code org.raekoda.criteria}: one file per organization and e-service, for example
 * {@code etc/org.raekoda.criteria-tartu-excavation.cfg}.
 */
@ObjectClassDefinition(name = "Raekoda criteria of an organization",
        description = "An organization's own criteria and automation mode for one e-service, from a file")
public @interface CriteriaFileConfig {

    @AttributeDefinition(description = "Organization id, e.g. tartu")
    String organization();

    @AttributeDefinition(description = "E-service id, e.g. excavation")
    String service();

    @AttributeDefinition(description = "SHADOW, SUGGEST or AUTOMATIC; empty keeps the current mode", required = false)
    String mode() default "";

    @AttributeDefinition(description = "The criteria as a JSON array; empty keeps the e-service's defaults", required = false)
    String criteria() default "";

    @AttributeDefinition(description = "Path of a JSON file holding the criteria array (instead of criteria)", required = false)
    String criteriaFile() default "";
}
