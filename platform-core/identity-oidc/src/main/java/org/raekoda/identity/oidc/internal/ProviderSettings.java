package org.raekoda.identity.oidc.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * One provider's settings, checked. Built from {@link ProviderConfig} in Karaf and directly in tests.
 *
 * @param audience             what 'aud' of a bearer token must contain
 * @param personalCodeClaim    where the personal identification code is
 * @param countryClaim         where the country is, or null
 * @param country              the fixed country, or null
 * @param allowedAlgorithms    never 'none', never a MAC algorithm
 */
public record ProviderSettings(String name, URI issuer, String clientId, String clientSecret, List<String> scopes,
        String audience, String personalCodeClaim, String countryClaim, String country, boolean stripCountryPrefix,
        String nameClaim, String givenNameClaim, String familyNameClaim, Set<JWSAlgorithm> allowedAlgorithms,
        Duration clockSkew, Duration metadataRefresh, Duration jwksCache, Duration jwksMinRefresh, int timeoutMillis) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final String FILE_PREFIX = "org.raekoda.identity.oidc-";

    public ProviderSettings {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("provider name '" + name
                    + "' must be lower-case letters, digits and '-', at most 32 characters");
        }
        if (issuer == null || !issuer.isAbsolute() || issuer.getHost() == null) {
            throw new IllegalArgumentException("provider " + name + ": issuer must be an absolute URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("provider " + name + ": clientId is missing");
        }
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("provider " + name + ": scopes must contain openid");
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("provider " + name + ": country must be ISO 3166-1 alpha-2");
        }
        if (allowedAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("provider " + name + ": no signature algorithm allowed");
        }
        for (JWSAlgorithm algorithm : allowedAlgorithms) {
            // A MAC key would be the client secret or, worse, bytes an attacker also has (the public key).
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) || algorithm.getName().equalsIgnoreCase("none")) {
                throw new IllegalArgumentException("provider " + name + ": algorithm " + algorithm + " is refused");
            }
        }
        scopes = List.copyOf(scopes);
        allowedAlgorithms = Set.copyOf(allowedAlgorithms);
    }

    static ProviderSettings from(ProviderConfig config) {
        String name = !config.name().isBlank() ? config.name().strip() : nameFromFile(config.felix_fileinstall_filename());
        String country = config.country().isBlank() ? null : config.country().strip().toUpperCase(Locale.ROOT);
        String audience = config.audience().isBlank() ? config.clientId() : config.audience().strip();
        return new ProviderSettings(name, URI.create(config.issuer().strip()), config.clientId().strip(),
                config.clientSecret(), words(config.scopes()), audience, config.personalCodeClaim().strip(),
                config.countryClaim().isBlank() ? null : config.countryClaim().strip(), country,
                config.stripCountryPrefix(), config.nameClaim().strip(), config.givenNameClaim().strip(),
                config.familyNameClaim().strip(), algorithms(config.allowedAlgorithms()),
                Duration.ofSeconds(config.clockSkewSeconds()), Duration.ofSeconds(config.metadataRefreshSeconds()),
                Duration.ofSeconds(config.jwksCacheSeconds()), Duration.ofSeconds(config.jwksMinRefreshSeconds()),
                config.timeoutMillis());
    }

    /** {@code .../etc/org.raekoda.identity.oidc-tara.cfg} names the provider {@code tara}. */
    static String nameFromFile(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("an OpenID Connect provider needs a name: set 'name' or use a file "
                    + FILE_PREFIX + "<name>.cfg");
        }
        String file = fileName.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        if (!base.startsWith(FILE_PREFIX)) {
            throw new IllegalArgumentException("cannot take a provider name from " + file + ": set 'name'");
        }
        return base.substring(FILE_PREFIX.length());
    }

    static List<String> words(String value) {
        return Arrays.stream(value.split("[\\s,]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static Set<JWSAlgorithm> algorithms(String value) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String word : words(value)) {
            algorithms.add(JWSAlgorithm.parse(word.toUpperCase(Locale.ROOT).equals("NONE") ? "none" : word));
        }
        return algorithms;
    }

    /** The scopes as one space-separated string. */
    String scopeString() {
        return String.join(" ", scopes);
    }
}
