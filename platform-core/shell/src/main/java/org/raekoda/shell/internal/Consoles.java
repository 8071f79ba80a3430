package org.raekoda.shell.internal;

import org.raekoda.api.application.Caller;

/** The console acts as an officer of the organization it names; the audit trail records it as "console". */
final class Consoles {

    private Consoles() {
    }

    static Caller officer(String organization) {
        return Caller.officer("console", organization);
    }
}
