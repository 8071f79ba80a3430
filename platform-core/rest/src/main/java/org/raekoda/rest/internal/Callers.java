package org.raekoda.rest.internal;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.HttpHeaders;

import org.raekoda.api.application.Caller;

/** Finds the caller of a request; a request without an identity is refused with 401. */
final class Callers {

    private final boolean developmentHeader;

    Callers(boolean developmentHeader) {
        this.developmentHeader = developmentHeader;
    }

    Caller require(HttpHeaders headers) {
        Caller caller = developmentHeader ? DevelopmentIdentity.parse(headers.getHeaderString(DevelopmentIdentity.HEADER))
                : null;
        if (caller == null) {
            throw new NotAuthorizedException("Bearer realm=\"raekoda\"");
        }
        return caller;
    }
}
