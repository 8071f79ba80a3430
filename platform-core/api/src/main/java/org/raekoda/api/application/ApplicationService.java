package org.raekoda.api.application;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything callers do with applications. Every method checks the caller's right to do it and
 * records what it changed in the audit trail; refusals are {@link ApplicationException}s.
 */
@ProviderType
public interface ApplicationService {

    /**
     * Submits an application. When the e-service runs in automatic mode for the organization and every
     * criterion passes, the returned application is already ISSUED. A repeated idempotency key from the
     * same applicant returns the application made the first time, unchanged.
     */
    Application submit(Caller applicant, Submission submission);

    Application get(Caller caller, String applicationId);

    /** The caller's own applications, newest first. */
    List<Application> mine(Caller applicant);

    Application withdraw(Caller applicant, String applicationId);

    /** The applicant answers a request for more information: the answer is merged into the form. */
    Application answer(Caller applicant, String applicationId, Map<String, Object> additions);

    /**
     * The applicant asks a person to review a permit the rules issued automatically (the one-click request
     * beside the explanation). It joins the officers' queue until an officer confirms or revokes it.
     * Asking again while a request is open changes nothing.
     */
    Application requestHumanReview(Caller applicant, String applicationId, String reason);

    Application assign(Caller officer, String applicationId, String assignee);

    Application decide(Caller officer, String applicationId, OfficerDecision decision);

    /**
     * Applications waiting for the officer's organization, soonest deadline first.
     *
     * @param service only this e-service, or null for all
     * @param phase   only this phase, or null for all
     */
    List<QueueItem> queue(Caller officer, String service, String phase);

    /**
     * Officers: the organization's applications, optionally of one e-service and in one state, soonest
     * deadline first.
     */
    List<Application> search(Caller officer, String service, ApplicationState state);

    /**
     * Officers: the permits in force now (issued, of any e-service of the organization) that occupy the
     * same place on some of the same days as this application, oldest first; empty when its e-service
     * declares no occupancy. What was in the way when the rules decided is in the decision's inputs; this
     * is the state of the map as the officer decides.
     */
    List<Application> conflicts(Caller officer, String applicationId);

    /** The audit trail of one application, oldest first. */
    List<AuditEntry> audit(Caller caller, String applicationId);
}
