package org.raekoda.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;
import org.raekoda.api.identity.BearerTokens;
import org.raekoda.api.identity.BrowserLogins;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.People;
import org.raekoda.api.node.NodeProfile;

/**
 * Finds the caller of a request, once, in {@link AccessFilter}: an OpenID Connect access token
 * ({@code Authorization: Bearer}), else the session cookie of a page login, else, where the node profile allows
 * development shortcuts, the development header. The identity provider proves who the person is; {@link People}
 * adds what the database lets them do. Resources read the caller the filter found with {@link #current()}.
 */
final class Callers {

    static final String CHALLENGE = "Bearer realm=\"raekoda\"";
    static final String SESSION_COOKIE = AuthResource.COOKIE;
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String CURRENT = Caller.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final NodeProfile node;
    private final BearerTokens tokens;
    private final BrowserLogins logins;
    private final People people;

    Callers(NodeProfile node, BearerTokens tokens, BrowserLogins logins, People people) {
        this.node = node;
        this.tokens = tokens;
        this.logins = logins;
        this.people = people;
    }

    /** How callers identify themselves on this node, as /health shows it. */
    String identityMode() {
        return node.developmentShortcuts() ? "openid-connect,development-header" : "openid-connect";
    }

    /**
     * The caller the request's credentials prove, or null when it carries none.
     *
     * @throws InvalidCredentialsException credentials that prove nothing (401): a bad token, an ended session
     * @throws ApplicationException        FORBIDDEN for a state-changing request on a session without its CSRF token
     */
    Caller authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new InvalidCredentialsException("only Bearer tokens are accepted");
            }
            return people.callerFor(tokens.verify(authorization.substring(7).strip()));
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        if (cookie != null) {
            BrowserLogins.Session session = logins.find(cookie.getValue())
                    .orElseThrow(() -> new InvalidCredentialsException("the session has ended; log in again"));
            if (!SAFE_METHODS.contains(request.getMethod())
                    && !sameSecret(session.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
                // A page's cookie goes with any request the browser makes; the token only with the page's own.
                throw ApplicationException.forbidden("A change made with a page login must carry the session's "
                        + CSRF_HEADER + " header");
            }
            return people.callerFor(session.identity());
        }
        return developmentCaller(request.getHeaderString(DevelopmentIdentity.HEADER));
    }

    /** The caller the development header names, where the node allows development shortcuts; else null. */
    Caller developmentCaller(String header) {
        return node.developmentShortcuts() ? DevelopmentIdentity.parse(header) : null;
    }

    /** Keeps the caller for the resource method, on the request's CXF message. */
    static void remember(Caller caller) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message != null) {
            message.put(CURRENT, caller);
        }
    }

    /** The caller {@link AccessFilter} authenticated for this request; 401 when there is none. */
    Caller current() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Object caller = message == null ? null : message.get(CURRENT);
        if (caller == null) {
            throw new NotAuthorizedException(CHALLENGE);
        }
        return (Caller) caller;
    }

    private static boolean sameSecret(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
