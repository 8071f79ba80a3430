package org.raekoda.engine.internal.application;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.store.ApplicationRow;
import org.raekoda.api.store.ApplicationStore;

/**
 * Who may see and change an application. Every entry point asks here first, before it reads the body of the
 * request, so that a caller without the right learns nothing from a validation error.
 */
final class Access {

    private final ApplicationStore applications;

    Access(ApplicationStore applications) {
        this.applications = applications;
    }

    /** The applicant sees their own; officers see their organization's; nobody else learns it exists. */
    ApplicationRow visible(Caller caller, String applicationId) {
        ApplicationRow row = applications.find(applicationId)
                .orElseThrow(() -> ApplicationException.notFound("application " + applicationId));
        boolean own = row.applicant().equals(caller.subject());
        boolean officer = caller.has(Role.OFFICER) && caller.actsFor(row.organization());
        if (!own && !officer) {
            throw ApplicationException.notFound("application " + applicationId);
        }
        return row;
    }

    /** An application an officer of its organization acts on. */
    ApplicationRow forOfficer(Caller caller, String applicationId) {
        ApplicationRow row = visible(caller, applicationId);
        if (!(caller.has(Role.OFFICER) && caller.actsFor(row.organization()))) {
            throw ApplicationException.forbidden("only officers of " + row.organization() + " may do this");
        }
        return row;
    }

    /** An application its applicant acts on; {@code onlyTheApplicant} says what others may not do. */
    ApplicationRow forApplicant(Caller caller, String applicationId, String onlyTheApplicant) {
        ApplicationRow row = visible(caller, applicationId);
        if (!row.applicant().equals(caller.subject())) {
            throw ApplicationException.forbidden(onlyTheApplicant);
        }
        return row;
    }

    /** Officers of an organization: for the queue and searches, which are not about one application. */
    static void requireOfficer(Caller caller, String refusal) {
        if (!caller.has(Role.OFFICER) || caller.organization() == null) {
            throw ApplicationException.forbidden(refusal);
        }
    }
}
