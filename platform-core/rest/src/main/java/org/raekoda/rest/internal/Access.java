package org.raekoda.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.Set;

import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;

/**
 * Who may call a resource method. {@link AccessFilter} checks it after the request is matched and before its
 * body is read, so that a caller without identity gets 401 and a caller who plainly lacks the role gets 403,
 * never an answer about a body they may not send. Checks that depend on the data (which organization an
 * officer acts for, whose application it is) stay in the engine.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface Access {

    Audience value();

    /** The callers an operation is meant for. */
    enum Audience {
        /** Anyone, without identity: public data only. */
        PUBLIC(null),
        /** Any caller with an identity; the engine decides what they may see. */
        ANY_CALLER(EnumSet.allOf(Role.class)),
        APPLICANTS(EnumSet.of(Role.APPLICANT)),
        OFFICERS(EnumSet.of(Role.OFFICER)),
        /** An organization's administrators, and platform administrators. */
        ADMINISTRATORS(EnumSet.of(Role.ADMIN, Role.PLATFORM_ADMIN)),
        PLATFORM_ADMINISTRATORS(EnumSet.of(Role.PLATFORM_ADMIN));

        private final Set<Role> roles;

        Audience(Set<Role> roles) {
            this.roles = roles;
        }

        boolean isPublic() {
            return roles == null;
        }

        boolean admits(Caller caller) {
            // Organization roles (OFFICER, ADMIN, SERVICE_CENTRE) are held in memberships, not in roles().
            return roles == null || roles.stream().anyMatch(caller::has);
        }
    }
}
