package org.raekoda.demo.idp.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

/**
 * The protocol of the demo OpenID Connect provider, apart from any servlet so that tests drive it directly:
 * discovery, the key set, the authorization code flow with PKCE (S256 only) and nonce, the token endpoint
 * with client authentication, RP-initiated logout, and a token in one call for scripts and tests. Everything
 * that parses or writes OAuth and JWT is Nimbus; this class only decides.
 *
 * <p>Pending authorization codes and the signing key live in this object's memory. That is acceptable only
 * because the provider runs on nothing but a development node on its embedded database, which is a single
 * node by definition (the component refuses every other node): no second node needs to redeem a code this one
 * issued or to know its key, and a restart simply invalidates codes and tokens in flight. The map of pending
 * codes is capped so that a script gone wild cannot fill the heap.
 */
public final class DemoProvider {

    /** Claim carrying the personal identification code, without a country prefix. */
    public static final String PERSONAL_CODE_CLAIM = "personal_code";
    /** Claim carrying the ISO 3166-1 alpha-2 country of {@link #PERSONAL_CODE_CLAIM}. */
    public static final String COUNTRY_CLAIM = "country";
    /** Claim carrying the person's name. */
    public static final String NAME_CLAIM = "name";

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final int MAX_PENDING_CODES = 1000;
    private static final Scope SCOPES = new Scope(OIDCScopeValue.OPENID, OIDCScopeValue.PROFILE);

    private final Issuer issuer;
    private final ClientID clientId;
    private final byte[] clientSecret;
    private final RedirectRules redirects;
    private final RSAKey key;
    private final RSASSASigner signer;
    private final Clock clock;
    private final Map<String, PendingCode> pending = new ConcurrentHashMap<>();

    public DemoProvider(URI issuer, String clientId, String clientSecret, RedirectRules redirects, RSAKey key,
            Clock clock) {
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("the client secret is empty");
        }
        this.issuer = new Issuer(strip(issuer.toString()));
        this.clientId = new ClientID(clientId);
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.redirects = redirects;
        this.key = key;
        this.clock = clock;
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the key cannot sign", e);
        }
    }

    public URI issuer() {
        return URI.create(issuer.getValue());
    }

    public URI endpoint(String path) {
        return URI.create(issuer.getValue() + path);
    }

    /** The discovery document ({@code /.well-known/openid-configuration}). */
    public String discovery() {
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(issuer, List.of(SubjectType.PUBLIC),
                endpoint("/jwks"));
        metadata.setAuthorizationEndpointURI(endpoint("/authorize"));
        metadata.setTokenEndpointURI(endpoint("/token"));
        metadata.setEndSessionEndpointURI(endpoint("/logout"));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST));
        metadata.setScopes(SCOPES);
        metadata.setClaims(List.of("iss", "sub", "aud", "exp", "nbf", "iat", "nonce", PERSONAL_CODE_CLAIM,
                COUNTRY_CLAIM, NAME_CLAIM));
        return metadata.toJSONObject().toJSONString();
    }

    /** The public key set ({@code /jwks}): the public half only. */
    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    /**
     * Checks an authorization request: client and redirect URI first (a request that fails those must not be
     * redirected anywhere, RFC 6749 4.1.2.1), then code flow, openid scope, state, nonce and an S256 code
     * challenge (refused by redirecting an error to the client).
     */
    public AuthenticationRequest checkAuthorization(Map<String, List<String>> parameters) throws Refused {
        String client = single(parameters, "client_id");
        if (!clientId.getValue().equals(client)) {
            throw new Refused("Unknown client_id: this demo provider knows only the client '" + clientId + "'");
        }
        String redirect = single(parameters, "redirect_uri");
        if (redirect == null || !redirects.allows(redirect)) {
            throw new Refused("redirect_uri is missing or not registered for this client");
        }
        URI redirectUri = URI.create(redirect);
        State state = Optional.ofNullable(single(parameters, "state")).map(State::new).orElse(null);
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(endpoint("/authorize"), parameters);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            throw refuse(redirectUri, error.setDescription(e.getMessage()), state);
        }
        if (!request.getResponseType().impliesCodeFlow()) {
            throw refuse(redirectUri, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, state);
        }
        if (request.getResponseMode() != null && request.getResponseMode() != ResponseMode.QUERY) {
            throw refuse(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("response_mode must be query"),
                    state);
        }
        if (state == null) {
            throw refuse(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("state is required"), null);
        }
        if (request.getNonce() == null) {
            throw refuse(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription("nonce is required"), state);
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            throw refuse(redirectUri, OAuth2Error.INVALID_REQUEST.setDescription(
                    "PKCE is required: code_challenge with code_challenge_method=S256"), state);
        }
        return request;
    }

    /**
     * The person picked: checks the request again (the picker's form carries it back, nothing is kept
     * between the two steps) and redirects to the client with a fresh single-use code.
     */
    public URI approve(Map<String, List<String>> parameters, String personId) throws Refused {
        AuthenticationRequest request = checkAuthorization(parameters);
        DemoPerson person = DemoPeople.find(personId)
                .orElseThrow(() -> new Refused("Pick one of the demo persons"));
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING_CODES) {
            pending.values().removeIf(code -> code.expired(now));
            if (pending.size() >= MAX_PENDING_CODES) {
                throw refuse(request.getRedirectionURI(), OAuth2Error.TEMPORARILY_UNAVAILABLE
                        .setDescription("too many pending codes"), request.getState());
            }
        }
        AuthorizationCode code = new AuthorizationCode();
        pending.put(code.getValue(), new PendingCode(person, request.getRedirectionURI(), request.getCodeChallenge(),
                request.getNonce(), request.getScope(), now.plus(CODE_LIFETIME)));
        return new AuthenticationSuccessResponse(request.getRedirectionURI(), code, null, null, request.getState(),
                null, ResponseMode.QUERY).toURI();
    }

    /** The token endpoint: the client authenticated, the code redeemed once, the verifier matched. */
    public HTTPResponse token(HTTPRequest httpRequest) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(httpRequest);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            return new TokenErrorResponse(error).toHTTPResponse();
        }
        if (!authenticated(request.getClientAuthentication())) {
            return new TokenErrorResponse(OAuth2Error.INVALID_CLIENT).toHTTPResponse();
        }
        if (!(request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant)) {
            return new TokenErrorResponse(OAuth2Error.UNSUPPORTED_GRANT_TYPE).toHTTPResponse();
        }
        // Removed before anything is checked: a code is redeemed at most once, right or wrong.
        PendingCode code = pending.remove(grant.getAuthorizationCode().getValue());
        Instant now = clock.instant();
        if (code == null || code.expired(now)) {
            return invalidGrant("the code is unknown, used or expired");
        }
        if (!code.redirectUri().equals(grant.getRedirectionURI())) {
            return invalidGrant("redirect_uri differs from the authorization request's");
        }
        CodeVerifier verifier = grant.getCodeVerifier();
        if (verifier == null || !CodeChallenge.compute(CodeChallengeMethod.S256, verifier).equals(code.challenge())) {
            return invalidGrant("code_verifier does not match the code_challenge");
        }
        OIDCTokens tokens = new OIDCTokens(idToken(code.person(), code.nonce(), now),
                accessToken(code.person(), code.scope(), now), null);
        return new OIDCTokenResponse(tokens).toHTTPResponse();
    }

    /**
     * A token in one call, for scripts and tests on the development node: the access token the code flow
     * would give, without a browser. Its JSON is {@code access_token, token_type, expires_in, scope}.
     */
    public String quickToken(String personId) throws Refused {
        DemoPerson person = DemoPeople.find(personId).orElseThrow(() -> new Refused("Unknown demo person"));
        AccessTokenResponse response = new AccessTokenResponse(new Tokens(accessToken(person, SCOPES,
                clock.instant()), null));
        return response.toJSONObject().toJSONString();
    }

    /**
     * RP-initiated logout: back to the client's {@code post_logout_redirect_uri} (with its state) when it is
     * registered; empty when there is nowhere to go back to. This provider keeps no session of its own.
     */
    public Optional<URI> logout(Map<String, List<String>> parameters) throws Refused {
        LogoutRequest request;
        try {
            request = LogoutRequest.parse(endpoint("/logout"), parameters);
        } catch (ParseException e) {
            throw new Refused("The logout request is malformed");
        }
        URI back = request.getPostLogoutRedirectionURI();
        if (back == null) {
            return Optional.empty();
        }
        if (!redirects.allows(back.toString())) {
            throw new Refused("post_logout_redirect_uri is not registered for this client");
        }
        if (request.getState() == null) {
            return Optional.of(back);
        }
        String query = URLUtils.serializeParameters(Map.of("state", List.of(request.getState().getValue())));
        return Optional.of(URI.create(back + (back.getRawQuery() == null ? "?" : "&") + query));
    }

    int pendingCodes() {
        return pending.size();
    }

    private boolean authenticated(ClientAuthentication authentication) {
        Secret secret;
        if (authentication instanceof ClientSecretBasic basic) {
            secret = basic.getClientSecret();
        } else if (authentication instanceof ClientSecretPost post) {
            secret = post.getClientSecret();
        } else {
            return false;
        }
        return clientId.equals(authentication.getClientID())
                && MessageDigest.isEqual(clientSecret, secret.getValueBytes());
    }

    private SignedJWT idToken(DemoPerson person, Nonce nonce, Instant now) {
        JWTClaimsSet.Builder claims = identityClaims(person, now);
        claims.claim("nonce", nonce.getValue());
        claims.claim("auth_time", Date.from(now).getTime() / 1000);
        return sign(claims.build());
    }

    private BearerAccessToken accessToken(DemoPerson person, Scope scope, Instant now) {
        JWTClaimsSet.Builder claims = identityClaims(person, now);
        claims.claim("client_id", clientId.getValue());
        claims.claim("scope", scope.toString());
        return new BearerAccessToken(sign(claims.build()).serialize(), TOKEN_LIFETIME.toSeconds(), scope);
    }

    private JWTClaimsSet.Builder identityClaims(DemoPerson person, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer.getValue())
                .subject(person.id())
                .audience(clientId.getValue())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(PERSONAL_CODE_CLAIM, person.person().code())
                .claim(COUNTRY_CLAIM, person.person().country())
                .claim(NAME_CLAIM, person.name());
    }

    private SignedJWT sign(JWTClaimsSet claims) {
        // typ JWT, which verifiers accept by default (Nimbus' DefaultJWTProcessor refuses other types unless told).
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt;
    }

    private static HTTPResponse invalidGrant(String description) {
        return new TokenErrorResponse(OAuth2Error.INVALID_GRANT.setDescription(description)).toHTTPResponse();
    }

    private static Refused refuse(URI redirect, ErrorObject error, State state) {
        return new Refused(new AuthenticationErrorResponse(redirect, error, state, ResponseMode.QUERY).toURI(),
                error.getDescription());
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }

    private static String strip(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** A code waiting to be redeemed. */
    private record PendingCode(DemoPerson person, URI redirectUri, CodeChallenge challenge, Nonce nonce, Scope scope,
            Instant expiresAt) {

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /**
     * A request refused: either redirected back to the client with an OAuth error ({@link #redirect()}), or,
     * when the client or redirect URI cannot be trusted, shown to the person as a 400 page.
     */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient URI redirect;

        Refused(String message) {
            this(null, message);
        }

        Refused(URI redirect, String message) {
            super(message == null ? "refused" : message, null, false, false);
            this.redirect = redirect;
        }

        public Optional<URI> redirect() {
            return Optional.ofNullable(redirect);
        }
    }
}
