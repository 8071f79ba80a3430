package org.raekoda.identity.oidc.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.identity.IdentityProviderUnavailableException;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.VerifiedIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * One configured OpenID Connect provider: its discovery document, read lazily and again after a while, and its
 * keys, cached and fetched again when a token names a key the cache lacks. A provider that cannot be reached
 * refuses its own tokens and logins only; the others go on.
 */
@Component(service = OidcProvider.class, configurationPid = "org.raekoda.identity.oidc",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderConfig.class, factory = true)
public final class OidcProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);
    /** Access tokens of RFC 9068 say so in their header; others say JWT or nothing. */
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    private static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final ProviderSettings settings;
    private final Object discovering = new Object();
    private volatile Discovered discovered;
    private volatile Instant nextAttempt = Instant.MIN;
    private Duration retryAfter = FIRST_RETRY;

    @Activate
    public OidcProvider(ProviderConfig config) {
        this(ProviderSettings.from(config));
        LOG.info("OpenID Connect provider {} configured for issuer {}", settings.name(), settings.issuer());
    }

    public OidcProvider(ProviderSettings settings) {
        this.settings = settings;
    }

    public ProviderSettings settings() {
        return settings;
    }

    String name() {
        return settings.name();
    }

    /** Whether the discovery document has been read; for the health report. */
    boolean reachable() {
        return discovered != null;
    }

    /** A bearer token: signature by the provider's keys, issuer, audience, expiry, not-before. */
    VerifiedIdentity verifyBearer(JWT token) {
        Discovered current = discovered();
        JWTClaimsSet claims;
        try {
            claims = withKeyRefresh(current, () -> current.bearerTokens().process(token, null));
        } catch (KeySourceException keysUnreadable) {
            throw unavailable(keysUnreadable);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidCredentialsException(reason(e));
        }
        return IdentityClaims.identity(settings, claims.getClaims(), claims.getExpirationTime().toInstant());
    }

    /** An ID token from the token endpoint: as a bearer token, with audience the client and the login's nonce. */
    IDTokenClaimsSet validateIdToken(JWT idToken, Nonce nonce) {
        Discovered current = discovered();
        try {
            return withKeyRefresh(current, () -> current.idTokens().validate(idToken, nonce));
        } catch (KeySourceException keysUnreadable) {
            throw unavailable(keysUnreadable);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidCredentialsException("ID token refused: " + reason(e));
        }
    }

    /** The discovery document, read now if it never was or is due again; the last good one while the provider is down. */
    OIDCProviderMetadata metadata() {
        return discovered().metadata();
    }

    private Discovered discovered() {
        Instant now = Instant.now();
        Discovered current = discovered;
        if (current != null && now.isBefore(current.readAt().plus(settings.metadataRefresh()))) {
            return current;
        }
        synchronized (discovering) {
            current = discovered;
            if (current != null && now.isBefore(current.readAt().plus(settings.metadataRefresh()))) {
                return current;
            }
            if (now.isBefore(nextAttempt)) {
                return lastGood(current, null);
            }
            try {
                Discovered read = discover(current, now);
                discovered = read;
                retryAfter = FIRST_RETRY;
                nextAttempt = Instant.MIN;
                return read;
            } catch (IOException | GeneralException | RuntimeException e) {
                nextAttempt = now.plus(retryAfter);
                LOG.warn("OpenID Connect provider {}: discovery at {} failed ({}); next try in {} s", settings.name(),
                        settings.issuer(), e.toString(), retryAfter.toSeconds());
                retryAfter = retryAfter.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY
                        : retryAfter.multipliedBy(2);
                return lastGood(current, e);
            }
        }
    }

    private Discovered lastGood(Discovered current, Exception cause) {
        if (current != null) {
            return current;
        }
        throw unavailable(cause);
    }

    private IdentityProviderUnavailableException unavailable(Exception cause) {
        return new IdentityProviderUnavailableException("identity provider " + settings.name() + " is not reachable",
                cause);
    }

    private Discovered discover(Discovered previous, Instant now) throws IOException, GeneralException {
        // Nimbus checks that the document's issuer is exactly the configured one (OpenID Connect Discovery 4.3).
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer().toString()),
                settings.timeoutMillis(), settings.timeoutMillis());
        if (metadata.getJWKSetURI() == null) {
            throw new GeneralException("the discovery document names no jwks_uri");
        }
        JWKSetBasedJWKSource<SecurityContext> keys = previous != null
                && previous.metadata().getJWKSetURI().equals(metadata.getJWKSetURI()) ? previous.keys()
                        : keys(metadata.getJWKSetURI());
        LOG.info("OpenID Connect provider {}: discovery document read from {}", settings.name(), settings.issuer());
        return new Discovered(metadata, keys, bearerTokens(keys), idTokens(keys), now);
    }

    @SuppressWarnings("unchecked")
    private JWKSetBasedJWKSource<SecurityContext> keys(URI jwksUri) throws IOException {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(settings.timeoutMillis(),
                settings.timeoutMillis(), MAX_DOCUMENT_BYTES);
        // Cached; a key id the cache lacks fetches the set again (rotation), at most twice per minimum interval.
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                .cache(settings.jwksCache().toMillis(), settings.timeoutMillis() * 2L)
                .refreshAheadCache(false)
                .rateLimited(settings.jwksMinRefresh().toMillis())
                .retrying(true)
                .build();
        return (JWKSetBasedJWKSource<SecurityContext>) source;
    }

    private DefaultJWTProcessor<SecurityContext> bearerTokens(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, ACCESS_TOKEN, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(settings.allowedAlgorithms(), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Set.of(settings.audience()), new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(),
                Set.of("iss", "aud", "exp"), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private IDTokenValidator idTokens(JWKSource<SecurityContext> keys) {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(settings.issuer().toString()),
                new ClientID(settings.clientId()), new JWSVerificationKeySelector<>(settings.allowedAlgorithms(), keys),
                null);
        validator.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        return validator;
    }

    /**
     * A signature that fails with a key of the right id may mean the provider replaced the key under the same id
     * (some do on restart): fetch the keys once more, as the rate limit allows, and try again.
     */
    private <T> T withKeyRefresh(Discovered current, JoseCall<T> call) throws BadJOSEException, JOSEException {
        try {
            return call.run();
        } catch (BadJWSException invalidSignature) {
            try {
                current.keys().getJWKSetSource().getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(),
                        System.currentTimeMillis(), null);
            } catch (KeySourceException notNow) {
                throw invalidSignature;
            }
            return call.run();
        }
    }

    /** Nimbus's messages name the failed check ("Expired JWT", "JWT audience rejected") and never the token. */
    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.length() > 200 ? message.substring(0, 200)
                : message;
    }

    @FunctionalInterface
    private interface JoseCall<T> {
        T run() throws BadJOSEException, JOSEException;
    }

    /** What discovery found, with the verifiers built on it. */
    private record Discovered(OIDCProviderMetadata metadata, JWKSetBasedJWKSource<SecurityContext> keys,
            DefaultJWTProcessor<SecurityContext> bearerTokens, IDTokenValidator idTokens, Instant readAt) {
    }
}
