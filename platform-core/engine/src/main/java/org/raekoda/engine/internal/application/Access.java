package org.raekoda.engine.internal.application;

import java.util.List;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;

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
        boolean officer = caller.hasIn(row.organization(), Role.OFFICER);
        if (!own && !officer) {
            throw ApplicationException.notFound("application " + applicationId);
        }
        return row;
    }

    /** An application an officer of its organization acts on. */
    ApplicationRow forOfficer(Caller caller, String applicationId) {
        ApplicationRow row = visible(caller, applicationId);
        if (!(caller.hasIn(row.organization(), Role.OFFICER))) {
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

    /**
     * Whether an officer may decide, take on or confirm this application: never one they submitted
     * themselves. The seam for representation (issue 10): acting for the applicant will be refused here too.
     *
     * @param what what the officer is about to do, for the refusal's reason
     */
    static void requireImpartial(Caller officer, ApplicationRow row, String what) {
        if (row.applicant().equals(officer.subject())) {
            throw ApplicationException.forbidden("an officer does not " + what + " an application they submitted"
                    + " themselves; another officer of " + row.organization() + " does");
        }
    }

    /** A subject the store can keep as applicant, assignee or decider (VARCHAR(128)); else 400. */
    static void requireStorableSubject(Caller caller) {
        if (caller.subject().length() > TextLimits.SUBJECT) {
            throw ApplicationException.invalid("The caller's subject is too long", List.of(
                    new FieldError("/subject", "at most " + TextLimits.SUBJECT + " characters")));
        }
    }

    /** Officers of an organization: for the queue and searches, which are not about one application. */
    static void requireOfficer(Caller caller, String refusal) {
        if (!caller.has(Role.OFFICER) || caller.organization() == null) {
            throw ApplicationException.forbidden(refusal);
        }
    }
}
