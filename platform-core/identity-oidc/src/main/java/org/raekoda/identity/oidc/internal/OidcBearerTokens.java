package org.raekoda.identity.oidc.internal;

import java.text.ParseException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raekoda.api.identity.BearerTokens;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.api.identity.VerifiedIdentity;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

/**
 * Bearer tokens of every configured provider. The token's issuer, read before anything is verified, only
 * chooses the provider; that provider's keys and settings then verify everything, the issuer included.
 */
@Component(service = BearerTokens.class)
public final class OidcBearerTokens implements BearerTokens {

    /** Far longer than any real token; a longer one is refused before it is parsed. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final ProviderRegistry providers = new ProviderRegistry();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(OidcProvider provider) {
        providers.add(provider);
    }

    void removeProvider(OidcProvider provider) {
        providers.remove(provider);
    }

    @Override
    public VerifiedIdentity verify(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidCredentialsException("no token, or a token of impossible length");
        }
        JWT jwt;
        String issuer;
        try {
            jwt = JWTParser.parse(token.strip());
            if (jwt instanceof EncryptedJWT) {
                throw new InvalidCredentialsException("encrypted tokens are not accepted");
            }
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidCredentialsException("the token is not a JWT");
        }
        if (issuer == null) {
            throw new InvalidCredentialsException("the token names no issuer");
        }
        OidcProvider provider = providers.byIssuer(issuer)
                .orElseThrow(() -> new InvalidCredentialsException("the token's issuer is not a configured provider"));
        return provider.verifyBearer(jwt);
    }
}
