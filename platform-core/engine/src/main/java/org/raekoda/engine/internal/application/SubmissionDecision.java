package org.raekoda.engine.internal.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.application.Submission;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.Phase;
import org.raekoda.api.store.ApplicationRow;
import org.raekoda.api.store.ApplicationStore;
import org.raekoda.api.store.AuditRow;
import org.raekoda.api.store.DecisionRow;
import org.raekoda.api.store.OrganizationStore;
import org.raekoda.api.store.SettingsRow;
import org.raekoda.api.store.StaleVersionException;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;

/**
 * A new application from its submission to its first decision: validate, gather the facts, work out its
 * claim on a place, compute the fee, then decide and store, again when another node issued a clashing permit
 * in between.
 */
final class SubmissionDecision {

    private final Catalogue catalogue;
    private final ApplicationStore applications;
    private final OrganizationStore organizations;
    private final RuleEngine rules;
    private final FormValidator forms;
    private final Facts facts;
    private final StateChanges changes;
    private final Clock clock;

    SubmissionDecision(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            RuleEngine rules, FormValidator forms, Facts facts, StateChanges changes, Clock clock) {
        this.catalogue = catalogue;
        this.applications = applications;
        this.organizations = organizations;
        this.rules = rules;
        this.forms = forms;
        this.facts = facts;
        this.changes = changes;
        this.clock = clock;
    }

    Application submit(Caller applicant, Submission submission) {
        if (!applicant.has(Role.APPLICANT)) {
            throw ApplicationException.forbidden("only applicants submit applications");
        }
        List<FieldError> missing = new ArrayList<>();
        if (submission.organization() == null || submission.organization().isBlank()) {
            missing.add(new FieldError("/organization", "is required"));
        }
        if (submission.service() == null || submission.service().isBlank()) {
            missing.add(new FieldError("/service", "is required"));
        }
        if (submission.form() == null) {
            missing.add(new FieldError("/form", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ApplicationException.invalid("The application is incomplete", missing);
        }
        String key = blankToNull(submission.idempotencyKey());
        if (key != null && key.length() > 128) {
            throw ApplicationException.invalid("The Idempotency-Key is too long",
                    List.of(new FieldError("/Idempotency-Key", "at most 128 characters")));
        }
        EServiceDefinition service = catalogue.find(submission.service())
                .orElseThrow(() -> ApplicationException.notFound("e-service " + submission.service()));
        SettingsRow settings = organizations.settings(submission.organization(), service.id())
                .filter(SettingsRow::enabled)
                .orElseThrow(() -> ApplicationException.notFound("e-service " + service.id() + " of organization "
                        + submission.organization()));

        List<FieldError> errors = new ArrayList<>(forms.validate(service.id() + "@" + service.version(),
                service.formSchema(), FormValidator.tree(submission.form()), "/form"));
        errors.addAll(LocationCheck.problems(service.location(), submission.location()));
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The application has " + errors.size() + " invalid field(s)", errors);
        }

        Map<String, Object> known = facts.ofSubmission(submission.organization(), service.id(), submission.form(),
                submission.location());
        Occupancies.Claim claim = Occupancies.claim(service.occupancy(), known, submission.location(), rules);
        LocalSettings local = settings.localJson() == null ? LocalSettings.NONE
                : Json.read(settings.localJson(), LocalSettings.class);
        String feeRule = local.fee() != null ? local.fee() : service.fee().amount();
        BigDecimal fee = facts.amount(feeRule, known, "/form", "fee").setScale(2, RoundingMode.HALF_UP);
        RuleSet ruleSet = RuleSets.effective(submission.organization(), service, settings);
        // Deciding and storing race with other nodes issuing permits for the same place and time: the store
        // refuses an issuance whose clash candidates changed, and the rules then look again.
        for (int attempt = 1;; attempt++) {
            List<ApplicationRow> occupants = claim == null ? List.of()
                    : applications.issuedOccupying(submission.organization(), claim.searchBox());
            Map<String, Object> decidedOn = known;
            if (claim != null) {
                decidedOn = new LinkedHashMap<>(known);
                decidedOn.put("conflicts", Occupancies.conflicts(claim, occupants));
            }
            try {
                return decideAndStore(applicant, submission, service, local, ruleSet, decidedOn, fee, key, claim,
                        occupants);
            } catch (StaleVersionException e) {
                if (attempt == 3) {
                    throw ApplicationException.conflict("many permits are being issued for this place right now;"
                            + " send the application again");
                }
            }
        }
    }

    private Application decideAndStore(Caller applicant, Submission submission, EServiceDefinition service,
            LocalSettings local, RuleSet ruleSet, Map<String, Object> decidedOn, BigDecimal fee, String key,
            Occupancies.Claim claim, List<ApplicationRow> occupants) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Evaluation evaluation = rules.evaluate(ruleSet.criteria(), ruleSet.hash(), decidedOn);
        boolean issueNow = ruleSet.mode() == AutomationMode.AUTOMATIC && evaluation.verdict() == Verdict.ISSUE;

        String id = UUID.randomUUID().toString();
        Phase firstPhase = service.workflow().get(0);
        ApplicationState state = issueNow ? ApplicationState.ISSUED : ApplicationState.IN_REVIEW;
        LocalDate validUntil = issueNow ? today.plusDays(facts.amount(service.validity().days(), decidedOn, "/form",
                "validity").longValue()) : null;
        ApplicationRow row = new ApplicationRow(id, submission.organization(), service.id(), service.version(),
                applicant.subject(), state.name(), Json.write(submission.form()),
                submission.location() == null ? null : Json.write(submission.location()), fee,
                service.fee().currency(), issueNow ? null : firstPhase.id(), null,
                issueNow ? null : WorkingDays.after(today, local.deadlines().getOrDefault(firstPhase.id(),
                        firstPhase.deadlineWorkingDays())), validUntil, 0, now, now,
                key, null, claim == null ? null : claim.occupancy());
        DecisionRow decision = new DecisionRow(UUID.randomUUID().toString(), id, state.name(), ruleSet.mode().name(),
                ruleSet.mode() == AutomationMode.AUTOMATIC, evaluation.verdict().name(), evaluation.rulesetHash(),
                Json.write(evaluation), "", Caller.SYSTEM.subject(), now);
        List<AuditRow> audit = List.of(
                new AuditRow(id, row.organization(), now, applicant.subject(), applicant.channel().name(), "submitted",
                        null, ApplicationState.SUBMITTED.name(), service.id() + " " + service.version()),
                new AuditRow(id, row.organization(), now, Caller.SYSTEM.subject(), Channel.AUTOMATIC.name(),
                        issueNow ? "issued" : "rules-evaluated", ApplicationState.SUBMITTED.name(), state.name(),
                        "mode " + ruleSet.mode() + ", verdict " + evaluation.verdict() + ", rule set "
                                + evaluation.rulesetHash().substring(0, 12)));
        Set<String> occupantsSeen = claim == null ? null
                : occupants.stream().map(ApplicationRow::id).collect(Collectors.toSet());
        ApplicationRow stored = applications.insert(row, List.of(decision), audit, occupantsSeen);
        return changes.load(stored);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
