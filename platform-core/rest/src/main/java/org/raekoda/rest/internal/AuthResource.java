package org.raekoda.rest.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.CookieParam;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.BrowserLogins;
import org.raekoda.api.identity.InvalidCredentialsException;

/**
 * Login of the platform's pages through the configured OpenID Connect providers, and the session a browser holds
 * by cookie. The callback address comes from configuration ({@link AuthConfig#publicBaseUrl()}), never from the
 * request, so that a forged Host header cannot redirect a login.
 */
@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Login", description = "Login of the pages with a national e-ID or the organization's login")
public final class AuthResource {

    static final String COOKIE = "raekoda_session";
    private static final String COOKIE_ATTRIBUTES = "; Path=/; HttpOnly; Secure; SameSite=Lax";

    private final BrowserLogins logins;
    private final String publicBaseUrl;
    private final URI callback;

    AuthResource(BrowserLogins logins, String publicBaseUrl) {
        this.logins = logins;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        this.callback = URI.create(this.publicBaseUrl + "/api/v1/auth/callback");
    }

    /** The providers a person may log in with. */
    public record ProvidersView(List<String> providers) {
    }

    /**
     * Who the session belongs to, without the personal identification code.
     *
     * @param csrfToken what state-changing requests of this session send in {@code X-CSRF-Token}
     */
    public record SessionView(String provider, @Schema(nullable = true) String name, String country,
            String csrfToken, Instant expiresAt) {
    }

    /** @param endSessionUrl where to send the browser to end the login at the provider too, or null */
    public record LogoutView(@Schema(nullable = true) String endSessionUrl) {
    }

    @GET
    @Path("/providers")
    @Access(Access.Rule.PUBLIC)
    @Operation(operationId = "listLoginProviders", summary = "The identity providers a person may log in with")
    @ApiResponse(responseCode = "200", description = "Their names", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public ProvidersView providers() {
        return new ProvidersView(logins.providers());
    }

    @GET
    @Path("/{provider}/login")
    @Access(Access.Rule.PUBLIC)
    @Operation(operationId = "beginLogin", summary = "Begin a login: redirects the browser to the provider "
            + "(authorization code flow with PKCE and nonce)")
    @ApiResponse(responseCode = "302", description = "To the provider's login",
            headers = @Header(name = "Location", schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public Response login(@PathParam("provider") String provider,
            @Parameter(description = "A path of this platform to return to afterwards, such as /applications")
            @QueryParam("returnTo") String returnTo) {
        if (!logins.providers().contains(provider)) {
            throw ApplicationException.notFound("identity provider " + provider);
        }
        URI authorize = logins.begin(provider, returnTo == null ? "/" : returnTo, callback);
        return Response.status(Response.Status.FOUND).location(authorize).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/callback")
    @Access(Access.Rule.PUBLIC)
    @Operation(operationId = "completeLogin", summary = "Where the provider sends the browser back: opens the "
            + "session and redirects to the path the login began for")
    @ApiResponse(responseCode = "303", description = "Logged in; the session cookie is set",
            headers = {
                @Header(name = "Location", schema = @Schema(type = "string", format = "uri")),
                @Header(name = "Set-Cookie", description = "raekoda_session, HttpOnly, Secure, SameSite=Lax",
                        schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public Response callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @Parameter(description = "Set by the provider when the login did not succeed")
            @QueryParam("error") String error) {
        if (error != null) {
            // The person cancelled or the provider refused; the attempt expires unused.
            throw new InvalidCredentialsException("the provider ended the login: " + error.replaceAll("[^A-Za-z0-9_]", ""));
        }
        BrowserLogins.Session session = logins.complete(state, code, callback);
        return Response.seeOther(URI.create(publicBaseUrl + session.returnTo()))
                .header(HttpHeaders.SET_COOKIE, COOKIE + "=" + session.cookie() + COOKIE_ATTRIBUTES)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/session")
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(operationId = "getLoginSession", summary = "The browser's session: who is logged in, and the CSRF "
            + "token for state-changing requests")
    @ApiResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public Response session(
            @Parameter(description = "The session cookie set at login") @CookieParam(COOKIE) String cookie) {
        BrowserLogins.Session session = logins.find(cookie)
                .orElseThrow(() -> new InvalidCredentialsException("no session, or it has ended"));
        return Response.ok(new SessionView(session.identity().provider(), session.identity().name(),
                session.identity().person().country(), session.csrfToken(), session.identity().expiresAt()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/logout")
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(operationId = "logout", summary = "End the session here, and answer where to end it at the "
            + "provider too (RP-initiated logout)")
    @ApiResponse(responseCode = "200", description = "The session has ended; the cookie is cleared",
            headers = @Header(name = "Set-Cookie", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = LogoutView.class)))
    @ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public Response logout(
            @Parameter(description = "The session cookie set at login") @CookieParam(COOKIE) String cookie) {
        if (logins.find(cookie).isEmpty()) {
            throw new InvalidCredentialsException("no session, or it has ended");
        }
        String endSession = logins.logout(cookie, URI.create(publicBaseUrl + "/")).map(URI::toString).orElse(null);
        return Response.ok(new LogoutView(endSession))
                .header(HttpHeaders.SET_COOKIE, COOKIE + "=" + COOKIE_ATTRIBUTES + "; Max-Age=0")
                .header("Cache-Control", "no-store")
                .build();
    }
}
