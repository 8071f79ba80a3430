package org.raekoda.api.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored application. {@code version} is the optimistic-lock counter the store maintains;
 * {@code reviewRequestedAt} is set while the applicant's request for a human review of an automatic
 * decision is open. {@code occupancy} is where and when the permit occupies its place, null when its
 * e-service declares none.
 */
public record ApplicationRow(String id, String organization, String service, String serviceVersion, String applicant,
        String state, String formJson, String locationJson, BigDecimal fee, String currency, String phase,
        String assignee, LocalDate deadline, LocalDate validUntil, long version, Instant submittedAt,
        Instant updatedAt, String idempotencyKey, Instant reviewRequestedAt, Occupancy occupancy) {

    public ApplicationRow withState(String newState, Instant at) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, newState, formJson, locationJson,
                fee, currency, phase, assignee, deadline, validUntil, version, submittedAt, at, idempotencyKey,
                reviewRequestedAt, occupancy);
    }

    public ApplicationRow withReviewRequested(Instant requestedAt, Instant at) {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, formJson, locationJson,
                fee, currency, phase, assignee, deadline, validUntil, version, submittedAt, at, idempotencyKey,
                requestedAt, occupancy);
    }
}
