package org.raekoda.api.identity;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/**
 * The platform's record of persons. It turns an identity an identity provider proved into the caller of a
 * request: the person's stable pseudonymous id (never the personal code), the memberships the database holds
 * and whether configuration makes them a platform administrator.
 */
@ProviderType
public interface People {

    /** The caller for a verified identity; records the person on first sight. */
    Caller callerFor(VerifiedIdentity identity);

    /** Who the caller is: roles, memberships, companies they represent and mandates they hold. */
    Profile profile(Caller caller);
}
