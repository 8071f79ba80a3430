package org.raekoda.store.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored application. {@code version} is the optimistic-lock counter the store maintains;
 * {@code reviewRequestedAt} is set while the applicant's request for a human review of an automatic
 * decision is open. {@code occupancy} is where and when the permit occupies its place, null when its
 * e-service declares none; {@code claim} the exclusive resource it holds, null when none.
 * {@code requestHash} is a hash of the request as first sent (organization, service, form, location), so that
 * an idempotency key reused with another request is recognised. {@code submittedBy} is who acted when the
 * applicant did not apply themselves (a representative, a mandatary, a service-centre officer), else null.
 */
public record ApplicationRow(String id, String organization, String service, String serviceVersion, String applicant,
        String state, String formJson, String locationJson, BigDecimal fee, String currency, String phase,
        String assignee, LocalDate deadline, LocalDate validUntil, long version, Instant submittedAt,
        Instant updatedAt, String idempotencyKey, Instant reviewRequestedAt, Occupancy occupancy,
        ResourceClaim claim, String requestHash, String submittedBy) {

    /** A row the applicant submitted themselves. */
    public ApplicationRow(String id, String organization, String service, String serviceVersion, String applicant,
            String state, String formJson, String locationJson, BigDecimal fee, String currency, String phase,
            String assignee, LocalDate deadline, LocalDate validUntil, long version, Instant submittedAt,
            Instant updatedAt, String idempotencyKey, Instant reviewRequestedAt, Occupancy occupancy,
            ResourceClaim claim, String requestHash) {
        this(id, organization, service, serviceVersion, applicant, state, formJson, locationJson, fee, currency, phase,
                assignee, deadline, validUntil, version, submittedAt, updatedAt, idempotencyKey, reviewRequestedAt,
                occupancy, claim, requestHash, null);
    }

    /** A row without a claim or request hash (as stored before they existed). */
    public ApplicationRow(String id, String organization, String service, String serviceVersion, String applicant,
            String state, String formJson, String locationJson, BigDecimal fee, String currency, String phase,
            String assignee, LocalDate deadline, LocalDate validUntil, long version, Instant submittedAt,
            Instant updatedAt, String idempotencyKey, Instant reviewRequestedAt, Occupancy occupancy) {
        this(id, organization, service, serviceVersion, applicant, state, formJson, locationJson, fee, currency, phase,
                assignee, deadline, validUntil, version, submittedAt, updatedAt, idempotencyKey, reviewRequestedAt,
                occupancy, null, null, null);
    }

    public ApplicationRow withState(String newState, Instant at) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, newState, formJson, locationJson,
                fee, currency, phase, assignee, deadline, validUntil, version, submittedAt, at, idempotencyKey,
                reviewRequestedAt, occupancy, claim, requestHash, submittedBy);
    }

    public ApplicationRow withReviewRequested(Instant requestedAt, Instant at) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, formJson, locationJson,
                fee, currency, phase, assignee, deadline, validUntil, version, submittedAt, at, idempotencyKey,
                requestedAt, occupancy, claim, requestHash, submittedBy);
    }

    /** The same application with an officer in charge. */
    public ApplicationRow withAssignee(String newAssignee, Instant at) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, formJson, locationJson,
                fee, currency, phase, newAssignee, deadline, validUntil, version, submittedAt, at, idempotencyKey,
                reviewRequestedAt, occupancy, claim, requestHash, submittedBy);
    }

    /** The same application with a changed form and what follows from it. */
    public ApplicationRow withForm(String newFormJson, Occupancy newOccupancy, ResourceClaim newClaim) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, newFormJson,
                locationJson, fee, currency, phase, assignee, deadline, validUntil, version, submittedAt, updatedAt,
                idempotencyKey, reviewRequestedAt, newOccupancy, newClaim, requestHash, submittedBy);
    }

    /** The same application issued by an officer: out of the workflow, valid until the given day. */
    public ApplicationRow withIssued(LocalDate newValidUntil, ResourceClaim newClaim) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, formJson, locationJson,
                fee, currency, null, assignee, null, newValidUntil, version, submittedAt, updatedAt, idempotencyKey,
                null, occupancy, newClaim, requestHash, submittedBy);
    }
}
