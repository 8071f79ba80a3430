package org.raekoda.rest.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.identity.PartyCode;

/**
 * A clearly marked development shortcut until e-ID login (OpenID Connect) lands: the caller names
 * themselves in a header, {@code X-Raekoda-Dev-Caller: subject=alice; roles=APPLICANT; organization=tartu}, and
 * optionally the person they are, {@code person=EE38001085718} (country and personal code), for mandates and
 * representation rights.
 * It counts only where {@link org.raekoda.api.node.NodeProfile#developmentShortcuts()} allows it: the
 * profile exactly {@code development} on the embedded database (see {@link Callers}).
 */
final class DevelopmentIdentity {

    static final String HEADER = "X-Raekoda-Dev-Caller";

    private DevelopmentIdentity() {
    }

    /** The caller the header names, or null when the header is absent or malformed. */
    static Caller parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String subject = null;
        String organization = null;
        PartyCode person = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : header.split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return null;
            }
            String value = pair[1].trim();
            switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
                case "subject" -> subject = value;
                case "organization" -> organization = value.isEmpty() ? null : value;
                case "person" -> {
                    person = partyCode(value);
                    if (person == null) {
                        return null;
                    }
                }
                case "roles" -> {
                    for (String role : value.split(",")) {
                        try {
                            roles.add(Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            return null;
                        }
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        if (subject == null || subject.isBlank() || roles.isEmpty()) {
            return null;
        }
        Channel channel = roles.contains(Role.OFFICER) || roles.contains(Role.ADMIN) ? Channel.SERVICE_CENTRE
                : Channel.SELF_SERVICE;
        Caller caller = new Caller(subject, organization, roles, channel);
        return person == null ? caller : new Caller(subject, person, caller.roles(), caller.memberships(), channel);
    }

    /** {@code EE38001085718}: the country's two letters, then the code; null when it is not that. */
    private static PartyCode partyCode(String value) {
        if (value.length() < 3) {
            return null;
        }
        try {
            return new PartyCode(value.substring(0, 2), value.substring(2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
