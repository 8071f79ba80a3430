package org.raekoda.shell.internal;

import org.raekoda.api.application.Caller;

/** The console acts as an officer of the organization it names; the audit trail records it as "console". */
final class Consoles {

    private Consoles() {
    }

    static Caller officer(String organization) {
        return Caller.officer("console", organization);
    }

    /**
     * The console as a platform administrator, for memberships and the representation rights: whoever holds the
     * console holds the installation. The access audit records it as "console".
     */
    static Caller platformAdmin() {
        return new Caller("console", null, java.util.Set.of(Caller.Role.PLATFORM_ADMIN), java.util.Map.of(),
                org.raekoda.api.application.Channel.SERVICE_CENTRE);
    }

    /** {@code EE38001085718} as a party code; a message that never repeats the code when it is not one. */
    static org.raekoda.api.identity.PartyCode partyCode(String value) {
        try {
            if (value == null || value.length() < 3) {
                throw new IllegalArgumentException("too short");
            }
            return new org.raekoda.api.identity.PartyCode(value.substring(0, 2), value.substring(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Expected the country and the code, e.g. EE38001085718: "
                    + e.getMessage());
        }
    }

    /** An engine refusal as the console shows it; bin/client exits with a failure. */
    static IllegalArgumentException refused(org.raekoda.api.application.ApplicationException e) {
        StringBuilder message = new StringBuilder(e.getMessage());
        e.fieldErrors().forEach(error -> message.append("\n  ").append(error.pointer()).append(": ")
                .append(error.message()));
        return new IllegalArgumentException(message.toString(), e);
    }
}
