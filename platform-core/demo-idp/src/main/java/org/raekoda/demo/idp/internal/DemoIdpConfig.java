package org.raekoda.demo.idp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.raekoda.demo.idp}; nothing needs to be set on the quick start. */
@ObjectClassDefinition(name = "Raekoda demo identity provider",
        description = "An OpenID Connect provider with demo persons; only on a development node on the embedded database")
public @interface DemoIdpConfig {

    /** The secret of the demo client on every development node: documented, so worthless anywhere else. */
    String DEVELOPMENT_SECRET = "raekoda-demo-secret-development-only";

    @AttributeDefinition(description = "The issuer URL; empty means http://localhost:<HTTP port>/demo-idp, the port "
            + "being org.osgi.service.http.port. Never taken from a request's Host header.")
    String issuer() default "";

    @AttributeDefinition(description = "The client id the platform logs in with")
    String clientId() default "raekoda";

    @AttributeDefinition(description = "The client's secret; the default is published in the README, "
            + "which is acceptable only because the provider runs on development nodes alone")
    String clientSecret() default DEVELOPMENT_SECRET;

    @AttributeDefinition(description = "Allowed redirect and post-logout redirect URIs: exact, or a prefix ending "
            + "in *; empty means anything on the issuer's own origin")
    String[] redirectUris() default {};
}
