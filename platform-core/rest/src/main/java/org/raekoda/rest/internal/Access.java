package org.raekoda.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an operation: one rule, written next to the operation's definition. {@link AccessFilter} enforces
 * what can be known from the request alone (an identity, a role, membership of the organization in the path)
 * after matching and before the body is read, so that a caller without the right never learns what is wrong with
 * a body they may not send. What depends on stored data (whose application it is, which organization handles it)
 * the engine enforces, answering 404 where existence must not leak. {@code RestEdgeTest} fails the build for an
 * operation without a rule, and the table in docs/api.md is generated from these rules ({@code AccessRulesTable}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Access {

    Rule value();

    /** The rules; the description is what docs/api.md says. */
    enum Rule {
        /** Anyone, without identity: public data only. */
        PUBLIC("anyone, without logging in; public data only"),
        /** Any person with an identity; the operation is about the caller themselves. */
        AUTHENTICATED("any logged-in person, about themselves"),
        /** A person applying for themselves or for someone they may act for. */
        APPLICANT("a logged-in person, for themselves, a company they represent, a person whose mandate they hold;"
                + " a service-centre officer for a visiting person"),
        /** The application's applicant, one who acts for them, or an officer of its organization (404 otherwise). */
        APPLICATION_PARTY("the application's applicant or one who acts for them; officers of its organization"
                + " (others: 404)"),
        /** The application's applicant or one who acts for them (404 for others). */
        APPLICATION_OWNER("the application's applicant or one who acts for them (others: 404; officers: 403)"),
        /** An officer of the application's organization (404 for officers of other organizations). */
        APPLICATION_OFFICER("officers of the application's organization (officers of others: 404)"),
        /** An officer, about their own organization. */
        OFFICER("officers, about their own organization"),
        /** An administrator of the organization the path names. */
        ORGANIZATION_ADMIN("administrators of the organization in the path"),
        /** An administrator of the organization the path names, or a platform administrator. */
        ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN("administrators of the organization in the path; platform administrators"),
        /** Platform administrators of the installation. */
        PLATFORM_ADMIN("platform administrators");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }

        boolean isPublic() {
            return this == PUBLIC;
        }
    }
}
