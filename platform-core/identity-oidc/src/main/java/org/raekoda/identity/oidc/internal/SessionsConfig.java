package org.raekoda.identity.oidc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Browser sessions, from {@code etc/org.raekoda.identity.sessions.cfg}. */
@ObjectClassDefinition(name = "Raekoda browser sessions",
        description = "How long a login to the platform's pages lasts")
public @interface SessionsConfig {

    @AttributeDefinition(description = "Minutes a session lasts without being used")
    int idleMinutes() default 30;

    @AttributeDefinition(description = "Minutes a session lasts at most, however much it is used")
    int absoluteMinutes() default 480;
}
