package org.raekoda.api.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Verifies the bearer tokens of API callers against every configured identity provider: signature against
 * the issuer's published keys, issuer, audience, expiry and not-before.
 */
@ProviderType
public interface BearerTokens {

    /**
     * @param token the token as it came after {@code Bearer }
     * @return who the token proves
     * @throws InvalidCredentialsException when no configured provider accepts the token
     */
    VerifiedIdentity verify(String token);
}
