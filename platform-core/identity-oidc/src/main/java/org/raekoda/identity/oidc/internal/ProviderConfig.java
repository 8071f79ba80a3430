package org.raekoda.identity.oidc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One OpenID Connect provider, from {@code etc/org.raekoda.identity.oidc-<name>.cfg}. Defaults live here only;
 * {@link ProviderSettings#from} checks the values.
 */
@ObjectClassDefinition(name = "Raekoda OpenID Connect provider",
        description = "An identity provider whose tokens and logins the platform accepts: one file per provider")
public @interface ProviderConfig {

    @AttributeDefinition(description = "The provider's name in URLs and sessions (tara, freja, staff). "
            + "Empty: the part of the file name after 'org.raekoda.identity.oidc-'")
    String name() default "";

    @AttributeDefinition(description = "The issuer exactly as the provider writes it in 'iss'; discovery reads "
            + "<issuer>/.well-known/openid-configuration")
    String issuer();

    @AttributeDefinition(description = "The client id registered with the provider")
    String clientId();

    @AttributeDefinition(description = "The client secret; write ${env:NAME} in the file, never the secret itself",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String clientSecret() default "";

    @AttributeDefinition(description = "Scopes requested at login, separated by spaces or commas")
    String scopes() default "openid";

    @AttributeDefinition(description = "The 'aud' bearer tokens must carry; empty means the client id")
    String audience() default "";

    @AttributeDefinition(description = "The claim holding the personal identification code; a.b names claim b "
            + "inside object claim a")
    String personalCodeClaim() default "sub";

    @AttributeDefinition(description = "The claim holding the person's country (ISO 3166-1 alpha-2), if any")
    String countryClaim() default "";

    @AttributeDefinition(description = "The country of every person of this provider (SE for a Swedish eID), if fixed")
    String country() default "";

    @AttributeDefinition(description = "The code starts with the country (EE38001085718): split it off")
    boolean stripCountryPrefix() default false;

    @AttributeDefinition(description = "The claim holding the full name")
    String nameClaim() default "name";

    @AttributeDefinition(description = "Given name, used when the full name claim is missing")
    String givenNameClaim() default "given_name";

    @AttributeDefinition(description = "Family name, used when the full name claim is missing")
    String familyNameClaim() default "family_name";

    @AttributeDefinition(description = "Signature algorithms accepted; 'none' and HS* are always refused")
    String allowedAlgorithms() default "RS256,ES256,PS256";

    @AttributeDefinition(description = "Clock difference tolerated for exp, nbf and iat, in seconds")
    int clockSkewSeconds() default 60;

    @AttributeDefinition(description = "How often the discovery document is read again, in seconds")
    int metadataRefreshSeconds() default 3600;

    @AttributeDefinition(description = "How long the provider's keys (JWKS) are cached, in seconds; an unknown key "
            + "id fetches them at once")
    int jwksCacheSeconds() default 900;

    @AttributeDefinition(description = "Fewest seconds between two key fetches caused by unknown keys")
    int jwksMinRefreshSeconds() default 30;

    @AttributeDefinition(description = "Connect and read timeout towards the provider, in milliseconds")
    int timeoutMillis() default 5000;

    /** Set by Felix File Install: where the configuration came from. */
    String felix_fileinstall_filename() default "";
}
