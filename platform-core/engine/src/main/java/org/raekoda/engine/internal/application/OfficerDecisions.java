package org.raekoda.engine.internal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;

/** What an officer does with an application: take it on, decide it, answer a request for a human review. */
final class OfficerDecisions {

    static final List<String> OPEN = List.of(ApplicationState.IN_REVIEW.name(),
            ApplicationState.MORE_INFO_REQUESTED.name());

    private final Access access;
    private final Facts facts;
    private final StateChanges changes;
    private final RuleEngine rules;

    OfficerDecisions(Access access, Facts facts, StateChanges changes, RuleEngine rules) {
        this.access = access;
        this.facts = facts;
        this.changes = changes;
        this.rules = rules;
    }

    Application assign(Caller officer, String applicationId, String assignee) {
        ApplicationRow row = access.forOfficer(officer, applicationId);
        List<FieldError> errors = new ArrayList<>();
        TextLimits.check(errors, "/assignee", assignee, TextLimits.SUBJECT);
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The assignee is too long", errors);
        }
        Access.requireStorableSubject(officer);
        String who = assignee == null || assignee.isBlank() ? officer.subject() : assignee;
        if (who.equals(row.applicant())) {
            throw ApplicationException.forbidden("an application is not assigned to the person who submitted it;"
                    + " another officer of " + row.organization() + " handles it");
        }
        if (!OPEN.contains(row.state())) {
            ApplicationState current = ApplicationState.valueOf(row.state());
            throw ApplicationException.wrongState("application is " + row.state()
                    + "; only open applications are assigned", current.next());
        }
        Instant now = changes.now();
        ApplicationRow changed = row.withAssignee(who, now);
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, officer.subject(),
                officer.channel().name(), "assigned", row.state(), row.state(), "to " + who);
        return changes.write(changed, row.version(), null, audit);
    }

    Application decide(Caller officer, String applicationId, OfficerDecision decision) {
        ApplicationRow row = access.forOfficer(officer, applicationId);
        if (decision != null && decision.reason() != null && decision.reason().length() > TextLimits.REASON) {
            throw ApplicationException.invalid("The reason is too long",
                    List.of(new FieldError("/reason", "at most " + TextLimits.REASON + " characters")));
        }
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
        Access.requireStorableSubject(officer);
        access.requireImpartial(officer, row, "decide");
        boolean reviewAnswer = decision.action() == OfficerDecision.Action.CONFIRM
                || decision.action() == OfficerDecision.Action.REVOKE;
        if (reviewAnswer != (row.reviewRequestedAt() != null)) {
            ApplicationState current = ApplicationState.valueOf(row.state());
            throw ApplicationException.wrongState(reviewAnswer
                    ? "nobody asked for a human review of this application"
                    : "the applicant asked for a human review: CONFIRM or REVOKE the permit", current.next());
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
        LocalDate today = changes.today(row.organization());
        return changes.move(officer, row, target, decision.expectedVersion(), r -> {
            if (target == ApplicationState.REVOKED) {
                return r.withReviewRequested(null, r.updatedAt());
            }
            if (target != ApplicationState.ISSUED) {
                return r;
            }
            Map<String, Object> known = Facts.of(Json.readMap(r.formJson()), null, Map.of(), Map.of());
            LocalDate validUntil = Validity.until(service.validity(), known, r.occupancy(), today, facts);
            return r.withIssued(validUntil,
                    Claims.claim(service.claims(), known, r.occupancy(), today, validUntil, rules));
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
