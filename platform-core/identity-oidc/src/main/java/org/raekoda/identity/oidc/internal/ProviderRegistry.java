package org.raekoda.identity.oidc.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The providers configured right now, as configuration files come and go. */
final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final List<OidcProvider> providers = new CopyOnWriteArrayList<>();

    void add(OidcProvider provider) {
        // Two files for one name or one issuer would make the choice depend on start order: the first one wins.
        if (byName(provider.name()).isPresent() || byIssuer(provider.settings().issuer().toString()).isPresent()) {
            LOG.error("OpenID Connect provider {}: another provider has its name or issuer {}; the one configured first is used",
                    provider.name(), provider.settings().issuer());
        }
        providers.add(provider);
    }

    void remove(OidcProvider provider) {
        providers.remove(provider);
    }

    Optional<OidcProvider> byName(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    Optional<OidcProvider> byIssuer(String issuer) {
        return providers.stream().filter(p -> p.settings().issuer().toString().equals(issuer)).findFirst();
    }

    List<String> names() {
        return providers.stream().map(OidcProvider::name).distinct().sorted().toList();
    }
}
