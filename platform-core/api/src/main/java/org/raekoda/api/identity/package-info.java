/**
 * Who a caller is: identities proved by an identity provider (OpenID Connect: a country's e-ID scheme, an
 * organization's staff login), and the platform's own record of what a person may do. An identity provider
 * proves who someone is; the roles a person holds in an organization are Raekoda's, kept in its database.
 * A personal identification code ({@link org.raekoda.api.identity.PartyCode}) is never logged and never put
 * in a URL: its {@code toString} hides it.
 */
@Export
@Version("1.0.0")
package org.raekoda.api.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
