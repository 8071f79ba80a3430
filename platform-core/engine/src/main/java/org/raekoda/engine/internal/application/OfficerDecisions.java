package org.raekoda.engine.internal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.store.ApplicationRow;
import org.raekoda.api.store.AuditRow;
import org.raekoda.api.store.DecisionRow;
import org.raekoda.engine.internal.json.Json;

/** What an officer does with an application: take it on, decide it, answer a request for a human review. */
final class OfficerDecisions {

    static final List<String> OPEN = List.of(ApplicationState.IN_REVIEW.name(),
            ApplicationState.MORE_INFO_REQUESTED.name());

    private final Access access;
    private final Facts facts;
    private final StateChanges changes;

    OfficerDecisions(Access access, Facts facts, StateChanges changes) {
        this.access = access;
        this.facts = facts;
        this.changes = changes;
    }

    Application assign(Caller officer, String applicationId, String assignee) {
        ApplicationRow row = access.forOfficer(officer, applicationId);
        if (!OPEN.contains(row.state())) {
            throw ApplicationException.conflict("application is " + row.state() + "; only open applications are assigned");
        }
        String who = assignee == null || assignee.isBlank() ? officer.subject() : assignee;
        Instant now = changes.now();
        ApplicationRow changed = new ApplicationRow(row.id(), row.organization(), row.service(), row.serviceVersion(),
                row.applicant(), row.state(), row.formJson(), row.locationJson(), row.fee(), row.currency(),
                row.phase(), who, row.deadline(), row.validUntil(), row.version(), row.submittedAt(), now,
                row.idempotencyKey(), row.reviewRequestedAt(), row.occupancy());
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, officer.subject(),
                officer.channel().name(), "assigned", row.state(), row.state(), "to " + who);
        return changes.write(changed, row.version(), null, audit);
    }

    Application decide(Caller officer, String applicationId, OfficerDecision decision) {
        ApplicationRow row = access.forOfficer(officer, applicationId);
        if (decision == null || decision.action() == null) {
            throw ApplicationException.invalid("A decision needs an action",
                    List.of(new FieldError("/action", "one of ISSUE, REJECT, REQUEST_INFO")));
        }
        boolean needsReason = decision.action() == OfficerDecision.Action.REJECT
                || decision.action() == OfficerDecision.Action.REQUEST_INFO
                || decision.action() == OfficerDecision.Action.REVOKE;
        if (needsReason && (decision.reason() == null || decision.reason().isBlank())) {
            throw ApplicationException.invalid("A rejection, a revocation or a request for information needs a reason",
                    List.of(new FieldError("/reason", "is required for " + decision.action())));
        }
        boolean reviewAnswer = decision.action() == OfficerDecision.Action.CONFIRM
                || decision.action() == OfficerDecision.Action.REVOKE;
        if (reviewAnswer != (row.reviewRequestedAt() != null)) {
            throw ApplicationException.conflict(reviewAnswer
                    ? "nobody asked for a human review of this application"
                    : "the applicant asked for a human review: CONFIRM or REVOKE the permit");
        }
        if (decision.action() == OfficerDecision.Action.CONFIRM) {
            return confirm(officer, row, decision);
        }
        ApplicationState target = switch (decision.action()) {
            case ISSUE -> ApplicationState.ISSUED;
            case REJECT -> ApplicationState.REJECTED;
            case REQUEST_INFO -> ApplicationState.MORE_INFO_REQUESTED;
            default -> ApplicationState.REVOKED;
        };
        EServiceDefinition service = changes.definition(row);
        LocalDate today = changes.today();
        return changes.move(officer, row, target, decision.expectedVersion(), r -> {
            if (target == ApplicationState.REVOKED) {
                return r.withReviewRequested(null, r.updatedAt());
            }
            if (target != ApplicationState.ISSUED) {
                return r;
            }
            Map<String, Object> known = Facts.of(Json.readMap(r.formJson()), null, Map.of(), Map.of());
            LocalDate validUntil = today.plusDays(facts.amount(service.validity().days(), known, "/form", "validity")
                    .longValue());
            return new ApplicationRow(r.id(), r.organization(), r.service(), r.serviceVersion(), r.applicant(),
                    r.state(), r.formJson(), r.locationJson(), r.fee(), r.currency(), null, r.assignee(), null,
                    validUntil, r.version(), r.submittedAt(), r.updatedAt(), r.idempotencyKey(), null, r.occupancy());
        }, "decided", decision.reason() == null ? "" : decision.reason(), target);
    }

    /** The officer looked at a permit the rules issued and keeps it: the request is closed, the permit stands. */
    private Application confirm(Caller officer, ApplicationRow row, OfficerDecision decision) {
        StateChanges.requireVersion(row, decision.expectedVersion());
        Instant now = changes.now();
        String reason = decision.reason() == null ? "" : decision.reason();
        DecisionRow confirmed = new DecisionRow(UUID.randomUUID().toString(), row.id(), ApplicationState.ISSUED.name(),
                null, false, null, null, null, reason, officer.subject(), now);
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, officer.subject(), officer.channel().name(),
                "human-review-confirmed", row.state(), row.state(), reason);
        return changes.write(row.withReviewRequested(null, now), decision.expectedVersion(), confirmed, audit);
    }
}
