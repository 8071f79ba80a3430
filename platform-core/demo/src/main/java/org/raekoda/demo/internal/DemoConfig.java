package org.raekoda.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.demo}; the values live in {@code etc/org.raekoda.demo.cfg}. */
@ObjectClassDefinition(name = "Raekoda demo municipality",
        description = "On a development node on the embedded database: a demo municipality offering the e-services")
public @interface DemoConfig {

    @AttributeDefinition(description = "false starts a development node empty (environment variable RAEKODA_DEMO); "
            + "the demo never starts in the production profile or on a shared database; anything but false, "
            + "unset included, means true")
    String demo() default "true";

    @AttributeDefinition(description = "Folder with sample-layers/*.geojson (the demo's zone layers) and "
            + "cemetery-plots.csv (its cemetery register)")
    String seedFolder();
}
