package org.raekoda.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.rest}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda REST API", description = "The one CXF server that serves /api")
public @interface RestConfig {

    @AttributeDefinition(description = "Address of the server below CXF's servlet context (etc/org.apache.cxf.osgi.cfg)")
    String address() default "/";

    @AttributeDefinition(description = "DEVELOPMENT ONLY: accept the caller's identity from the "
            + "X-Raekoda-Dev-Caller header. Ignored when the profile is production.")
    boolean developmentHeader() default false;

    @AttributeDefinition(description = "development or production; production refuses every development shortcut")
    String profile() default "production";

    @AttributeDefinition(description = "Path at which the OpenAPI document is announced to Swagger UI")
    String openApiPath() default "/api/openapi.json";
}
