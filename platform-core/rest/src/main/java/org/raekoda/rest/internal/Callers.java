package org.raekoda.rest.internal;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.HttpHeaders;

import org.raekoda.api.application.Caller;
import org.raekoda.api.node.NodeProfile;

/**
 * Finds the caller of a request; a request without an identity is refused with 401. Until e-ID login lands,
 * the only identity is the development header, and it counts only where the node profile allows
 * development shortcuts.
 */
final class Callers {

    static final String CHALLENGE = "Bearer realm=\"raekoda\"";

    private final NodeProfile node;

    Callers(NodeProfile node) {
        this.node = node;
    }

    /** How callers identify themselves on this node, as /health shows it. */
    String identityMode() {
        return node.developmentShortcuts() ? "development-header" : "none";
    }

    /** The caller named in the development header, or null. */
    Caller find(String developmentHeader) {
        return node.developmentShortcuts() ? DevelopmentIdentity.parse(developmentHeader) : null;
    }

    Caller require(HttpHeaders headers) {
        Caller caller = find(headers.getHeaderString(DevelopmentIdentity.HEADER));
        if (caller == null) {
            throw new NotAuthorizedException(CHALLENGE);
        }
        return caller;
    }
}
