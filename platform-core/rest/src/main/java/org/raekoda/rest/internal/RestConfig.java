package org.raekoda.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.rest}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda REST API", description = "The one CXF server that serves /api")
public @interface RestConfig {

    @AttributeDefinition(description = "Address of the server below CXF's servlet context (etc/org.apache.cxf.osgi.cfg)")
    String address() default "/";

    @AttributeDefinition(description = "Path at which the OpenAPI document is announced to Swagger UI")
    String openApiPath() default "/api/openapi.json";

    @AttributeDefinition(description = "Largest request body in bytes; a larger one is refused with 413 before it "
            + "is read")
    long maxBodyBytes() default 1024 * 1024;

    @AttributeDefinition(description = "Largest zone layer (GeoJSON) in bytes that PUT .../zones/{layer} accepts")
    long maxZoneLayerBytes() default 8 * 1024 * 1024;

    @AttributeDefinition(description = "Deepest nesting of arrays and objects in a JSON request body")
    int maxJsonNestingDepth() default 100;

    @AttributeDefinition(description = "Longest number, in characters, in a JSON request body")
    int maxJsonNumberLength() default 100;
}
