package org.raekoda.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;

/**
 * Authentication and the coarse, role-based authorization of {@link Access}, after matching and before the
 * body is read. Resources CXF adds itself (the OpenAPI document, Swagger UI) carry no {@link Access} and are public.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {

    private final Callers callers;

    @Context
    private ResourceInfo resource;

    AccessFilter(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Access access = access(resource);
        if (access == null || access.value().isPublic()) {
            return;
        }
        Caller caller = callers.find(request.getHeaderString(DevelopmentIdentity.HEADER));
        if (caller == null) {
            throw new NotAuthorizedException(Callers.CHALLENGE);
        }
        if (!access.value().admits(caller)) {
            throw ApplicationException.forbidden("This operation is not open to the caller's roles");
        }
    }

    /** The method's own {@link Access}, else its class's; null for resources that are not the platform's. */
    static Access access(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        Access onMethod = resource.getResourceMethod().getAnnotation(Access.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
    }
}
