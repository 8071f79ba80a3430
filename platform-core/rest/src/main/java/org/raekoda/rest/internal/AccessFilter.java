package org.raekoda.rest.internal;

import javax.annotation.Priority;
import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MultivaluedMap;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;

/**
 * Authentication, and every part of an operation's {@link Access} rule that the request alone decides, after
 * matching and before the body is read: 401 without identity, 403 without the role or, for administration, without
 * it in the organization the path names. Resources CXF adds itself (the OpenAPI document, Swagger UI) carry no
 * {@link Access} and are public.
 */
@Priority(Priorities.AUTHENTICATION)
final class AccessFilter implements ContainerRequestFilter {

    /** Path parameters that name the organization an administration operation is about. */
    static final String[] ORGANIZATION_PARAMETERS = {"m", "organization"};

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
        Caller caller = callers.authenticate(request);
        if (caller == null) {
            throw new NotAuthorizedException(Callers.CHALLENGE);
        }
        if (!admits(access.value(), caller, request.getUriInfo().getPathParameters())) {
            throw ApplicationException.forbidden("This operation is not open to the caller");
        }
        Callers.remember(caller);
    }

    /** What the rule asks that the request alone can tell; the engine checks what depends on stored data. */
    static boolean admits(Access.Rule rule, Caller caller, MultivaluedMap<String, String> path) {
        return switch (rule) {
            case PUBLIC, AUTHENTICATED, APPLICATION_PARTY, APPLICATION_OWNER -> true;
            case APPLICANT -> caller.has(Role.APPLICANT) || caller.has(Role.SERVICE_CENTRE);
            case APPLICATION_OFFICER, OFFICER -> caller.has(Role.OFFICER);
            case ORGANIZATION_ADMIN -> caller.hasIn(organization(path), Role.ADMIN);
            case ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN -> caller.hasIn(organization(path), Role.ADMIN)
                    || caller.has(Role.PLATFORM_ADMIN);
            case PLATFORM_ADMIN -> caller.has(Role.PLATFORM_ADMIN);
        };
    }

    private static String organization(MultivaluedMap<String, String> path) {
        for (String name : ORGANIZATION_PARAMETERS) {
            String value = path.getFirst(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The method's {@link Access}; null for resources that are not the platform's. */
    static Access access(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        return resource.getResourceMethod().getAnnotation(Access.class);
    }
}
