package org.raekoda.engine.internal.identity;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.identity}; the defaults here are the only defaults. */
@ObjectClassDefinition(name = "Raekoda people", description = "Who the platform's administrators are")
public @interface IdentityConfig {

    @AttributeDefinition(description = "Platform administrators, comma-separated, each as country and personal "
            + "code: EE38001085718,LV32128012345. They bring in the first administrator of a new organization. "
            + "Empty: nobody")
    String platformAdmins() default "";
}
