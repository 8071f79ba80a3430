package org.raekoda.engine.internal.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;

/** What an applicant does with their application after submitting it: withdraw, answer, ask for a person. */
final class ApplicantActions {

    private final Access access;
    private final ApplicationStore applications;
    private final RuleEngine rules;
    private final FormValidator forms;
    private final StateChanges changes;

    ApplicantActions(Access access, ApplicationStore applications, RuleEngine rules, FormValidator forms,
            StateChanges changes) {
        this.access = access;
        this.applications = applications;
        this.rules = rules;
        this.forms = forms;
        this.changes = changes;
    }

    Application withdraw(Caller applicant, String applicationId) {
        ApplicationRow row = access.forApplicant(applicant, applicationId, "only the applicant withdraws an application");
        return changes.move(applicant, row, ApplicationState.WITHDRAWN, row.version(), r -> r, "withdrawn",
                Access.onBehalf(applicant, row), null);
    }

    Application answer(Caller applicant, String applicationId, Map<String, Object> additions) {
        ApplicationRow row = access.forApplicant(applicant, applicationId,
                "only the applicant answers a request for information");
        Map<String, Object> form = new LinkedHashMap<>(Json.readMap(row.formJson()));
        form.putAll(additions == null ? Map.of() : additions);
        EServiceDefinition service = changes.definition(row);
        List<FieldError> errors = forms.validate(service.id() + "@" + service.version(), service.formSchema(),
                FormValidator.tree(form), "/form");
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The answer leaves " + errors.size() + " invalid field(s)", errors);
        }
        String formJson = Json.write(form);
        Map<String, Object> location = row.locationJson() == null ? null : Json.readMap(row.locationJson());
        Occupancies.Claim claim = Occupancies.claim(service.occupancy(), Facts.of(form, location, Map.of(), Map.of()),
                location, rules);
        // The resource claim is worked out again when an officer issues the permit.
        return changes.move(applicant, row, ApplicationState.IN_REVIEW, row.version(),
                r -> r.withForm(formJson, claim == null ? null : claim.occupancy(), r.claim()), "answered",
                Access.onBehalf(applicant, row), null);
    }

    Application requestHumanReview(Caller applicant, String applicationId, String reason) {
        ApplicationRow row = access.forApplicant(applicant, applicationId, "only the applicant asks for a human review");
        if (reason != null && reason.length() > TextLimits.REVIEW_NOTE) {
            throw ApplicationException.invalid("The reason is too long",
                    List.of(new FieldError("/reason", "at most " + TextLimits.REVIEW_NOTE + " characters")));
        }
        if (row.reviewRequestedAt() != null) {
            return changes.load(row);
        }
        List<DecisionRow> decisions = applications.decisions(row.id());
        DecisionRow last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        boolean issuedByRules = ApplicationState.ISSUED.name().equals(row.state()) && last != null && last.automatic()
                && ApplicationState.ISSUED.name().equals(last.outcome());
        if (!issuedByRules) {
            throw ApplicationException.wrongState("application is " + row.state()
                    + (OfficerDecisions.OPEN.contains(row.state()) ? "; a person is already handling it"
                            : "; only a permit the rules issued can be sent to a person"),
                    ApplicationState.valueOf(row.state()).next());
        }
        Instant now = changes.now();
        String behalf = Access.onBehalf(applicant, row);
        String note = (reason == null ? "" : reason) + (behalf.isEmpty() || reason == null || reason.isEmpty() ? ""
                : "; ") + behalf;
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, applicant.subject(), applicant.channel().name(),
                "human-review-requested", row.state(), row.state(), note);
        return changes.write(row.withReviewRequested(now, now), row.version(), null, audit);
    }
}
