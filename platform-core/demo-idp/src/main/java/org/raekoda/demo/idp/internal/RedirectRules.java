package org.raekoda.demo.idp.internal;

import java.net.URI;
import java.util.List;

/**
 * Which redirect URIs (and post-logout redirect URIs) the demo client may use: each rule is an exact URI, or
 * a prefix when it ends with {@code *}. The default is anything on the node's own origin, where the
 * platform's relying party lives; an open redirect elsewhere would hand codes to strangers.
 */
public record RedirectRules(List<String> rules) {

    public RedirectRules {
        rules = List.copyOf(rules);
    }

    /** Anything under {@code origin/}, the origin being scheme, host and port of the given URI. */
    public static RedirectRules sameOrigin(URI uri) {
        return new RedirectRules(List.of(uri.getScheme() + "://" + uri.getRawAuthority() + "/*"));
    }

    public boolean allows(String candidate) {
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        // Absolute http(s) without a fragment (RFC 6749 3.1.2), and no user-info to disguise the host.
        if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return false;
        }
        for (String rule : rules) {
            if (rule.endsWith("*") ? candidate.startsWith(rule.substring(0, rule.length() - 1)) : candidate.equals(rule)) {
                return true;
            }
        }
        return false;
    }
}
