package org.raekoda.identity.oidc.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.BrowserLogins;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.identity.VerifiedIdentity;
import org.raekoda.store.spi.BrowserSessionRow;
import org.raekoda.store.spi.BrowserSessionStore;
import org.raekoda.store.spi.LoginAttemptRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * Logins of the platform's pages: the authorization code flow with PKCE (S256) and a nonce. Everything a
 * callback needs is in the database, so that the node the provider sends the browser back to need not be the
 * one that sent it there. A session is held by a random cookie of 256 bits; the database keeps only its SHA-256.
 */
@Component(service = BrowserLogins.class, configurationPid = "org.raekoda.identity.sessions",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SessionsConfig.class)
public final class OidcBrowserLogins implements BrowserLogins {

    private static final Logger LOG = LoggerFactory.getLogger(OidcBrowserLogins.class);
    /** How long a begun login may take at the provider. */
    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(5);
    private static final int MAX_RETURN_TO = 2048;
    private static final int MAX_PARAMETER = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProviderRegistry providers = new ProviderRegistry();
    private final BrowserSessionStore store;
    private final Duration idle;
    private final Duration absolute;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    @Activate
    public OidcBrowserLogins(@Reference BrowserSessionStore store, SessionsConfig config) {
        this(store, Duration.ofMinutes(config.idleMinutes()), Duration.ofMinutes(config.absoluteMinutes()),
                Clock.systemUTC());
    }

    public OidcBrowserLogins(BrowserSessionStore store, Duration idle, Duration absolute, Clock clock) {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("sessions: idleMinutes must be positive and at most absoluteMinutes");
        }
        this.store = store;
        this.idle = idle;
        this.absolute = absolute;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addProvider(OidcProvider provider) {
        providers.add(provider);
    }

    public void removeProvider(OidcProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<String> providers() {
        return providers.names();
    }

    @Override
    public URI begin(String provider, String returnTo, URI callback) {
        requireLocalPath(returnTo);
        OidcProvider chosen = providers.byName(provider)
                .orElseThrow(() -> new InvalidCredentialsException("no identity provider of that name"));
        ProviderSettings settings = chosen.settings();
        OIDCProviderMetadata metadata = chosen.metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        Instant now = clock.instant();
        store.saveAttempt(new LoginAttemptRow(state.getValue(), settings.name(), nonce.getValue(), verifier.getValue(),
                returnTo, now));
        purgeNowAndThen(now);
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), callback)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    @Override
    public Session complete(String state, String code, URI callback) {
        if (state == null || state.isBlank() || state.length() > MAX_PARAMETER) {
            throw new InvalidCredentialsException("the login's state is missing");
        }
        Instant now = clock.instant();
        // Taken, hence deleted, before anything else: whatever happens next, this state is used up.
        LoginAttemptRow attempt = store.takeAttempt(state, now.minus(ATTEMPT_LIFETIME))
                .orElseThrow(() -> new InvalidCredentialsException("the login is unknown, used up or expired"));
        if (code == null || code.isBlank() || code.length() > MAX_PARAMETER * 4) {
            throw new InvalidCredentialsException("the provider sent no authorization code");
        }
        OidcProvider provider = providers.byName(attempt.provider())
                .orElseThrow(() -> new InvalidCredentialsException("the login's provider is no longer configured"));
        JWT idToken = exchange(provider, code, callback, new CodeVerifier(attempt.codeVerifier()));
        IDTokenClaimsSet claims = provider.validateIdToken(idToken, new Nonce(attempt.nonce()));
        VerifiedIdentity proved;
        try {
            proved = IdentityClaims.identity(provider.settings(), claims.toJWTClaimsSet().getClaims(),
                    claims.getExpirationTime().toInstant());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new InvalidCredentialsException("the ID token's claims cannot be read");
        }
        String cookie = random();
        Instant expiresAt = now.plus(absolute);
        Instant idleExpiresAt = now.plus(idle);
        BrowserSessionRow opened = new BrowserSessionRow(hash(cookie), random(), provider.name(),
                proved.person().country(), proved.person().code(), proved.name(), idToken.getParsedString(), now,
                idleExpiresAt, expiresAt);
        store.saveSession(opened);
        LOG.debug("Browser session opened through provider {}", provider.name());
        return session(cookie, opened, attempt.returnTo());
    }

    @Override
    public Optional<Session> find(String sessionCookie) {
        if (!plausibleCookie(sessionCookie)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.useSession(hash(sessionCookie), now, now.plus(idle)).map(row -> session(sessionCookie, row, null));
    }

    @Override
    public Optional<URI> logout(String sessionCookie, URI afterLogout) {
        if (!plausibleCookie(sessionCookie)) {
            return Optional.empty();
        }
        Optional<BrowserSessionRow> ended = store.removeSession(hash(sessionCookie));
        if (ended.isEmpty()) {
            return Optional.empty();
        }
        BrowserSessionRow row = ended.get();
        Optional<OidcProvider> provider = providers.byName(row.provider());
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI endSession = provider.get().metadata().getEndSessionEndpointURI();
            if (endSession == null) {
                return Optional.empty();
            }
            JWT hint = row.idToken() == null ? null : JWTParser.parse(row.idToken());
            return Optional.of(new LogoutRequest(endSession, hint, null, new ClientID(provider.get().settings().clientId()),
                    afterLogout, null, null).toURI());
        } catch (InvalidCredentialsException | java.text.ParseException e) {
            // The session has ended here; without the provider's document there is no logout to send it to.
            LOG.warn("Provider {}: no end-session address for a logout ({})", row.provider(), e.getMessage());
            return Optional.empty();
        }
    }

    private JWT exchange(OidcProvider provider, String code, URI callback, CodeVerifier verifier) {
        ProviderSettings settings = provider.settings();
        OIDCProviderMetadata metadata = provider.metadata();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), callback, verifier);
        ClientAuthentication authentication = clientAuthentication(settings, metadata);
        TokenRequest request = authentication != null
                ? new TokenRequest(metadata.getTokenEndpointURI(), authentication, grant)
                : new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(settings.clientId()), grant);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(settings.timeoutMillis());
        http.setReadTimeout(settings.timeoutMillis());
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new InvalidCredentialsException("the provider's token endpoint cannot be reached", e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new InvalidCredentialsException("the provider's token response cannot be read");
        }
        if (!response.indicatesSuccess()) {
            String error = response.toErrorResponse().getErrorObject() == null ? "unknown"
                    : response.toErrorResponse().getErrorObject().getCode();
            throw new InvalidCredentialsException("the provider refused the authorization code: " + error);
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)
                || tokens.getOIDCTokens().getIDToken() == null) {
            throw new InvalidCredentialsException("the provider answered without an ID token");
        }
        return tokens.getOIDCTokens().getIDToken();
    }

    /** As the provider's discovery document prefers: client_secret_basic unless only client_secret_post is offered. */
    static ClientAuthentication clientAuthentication(ProviderSettings settings, OIDCProviderMetadata metadata) {
        if (settings.clientSecret() == null || settings.clientSecret().isEmpty()) {
            return null;
        }
        ClientID client = new ClientID(settings.clientId());
        Secret secret = new Secret(settings.clientSecret());
        List<ClientAuthenticationMethod> offered = metadata.getTokenEndpointAuthMethods();
        if (offered != null && !offered.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && offered.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(client, secret);
        }
        return new ClientSecretBasic(client, secret);
    }

    private Session session(String cookie, BrowserSessionRow row, String returnTo) {
        VerifiedIdentity identity = new VerifiedIdentity(row.provider(), new PartyCode(row.country(), row.code()),
                row.name(), row.idleExpiresAt());
        return new Session(cookie, row.csrfToken(), identity, returnTo);
    }

    /**
     * Only a path of this platform: one slash and no scheme, so that a login can never end on another site
     * ({@code //evil.example}, {@code /\evil.example} and {@code https:} are all refused).
     */
    static void requireLocalPath(String returnTo) {
        boolean local = returnTo != null && returnTo.length() <= MAX_RETURN_TO && returnTo.startsWith("/")
                && !returnTo.startsWith("//") && !returnTo.startsWith("/\\")
                && returnTo.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == '\\');
        if (local) {
            try {
                URI parsed = new URI(returnTo);
                local = parsed.getScheme() == null && parsed.getRawAuthority() == null;
            } catch (java.net.URISyntaxException e) {
                local = false;
            }
        }
        if (!local) {
            throw ApplicationException.invalid("returnTo must be a path of this platform",
                    List.of(new ApplicationException.FieldError("/returnTo",
                            "a path that starts with a single '/', without scheme or host")));
        }
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        // Only when this node has not purged for a while; deletes by time are harmless when nodes overlap.
        if (now.isAfter(last.plus(PURGE_INTERVAL)) && lastPurge.compareAndSet(last, now)) {
            try {
                int purged = store.purge(now.minus(ATTEMPT_LIFETIME), now);
                LOG.debug("Purged {} expired login attempts and sessions", purged);
            } catch (RuntimeException e) {
                LOG.warn("Purging expired login attempts and sessions failed; the next login tries again", e);
            }
        }
    }

    private static boolean plausibleCookie(String cookie) {
        return cookie != null && cookie.length() == 43 && cookie.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /** 256 random bits, URL-safe. */
    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String cookie) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cookie.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
