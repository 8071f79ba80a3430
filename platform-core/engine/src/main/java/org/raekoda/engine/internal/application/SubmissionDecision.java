package org.raekoda.engine.internal.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import org.raekoda.api.application.Principal;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.application.Submission;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.OccupancyRule;
import org.raekoda.api.eservice.Phase;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.ResourceClaim;
import org.raekoda.store.spi.SettingsRow;
import org.raekoda.store.spi.StaleVersionException;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;

/**
 * A new application from its submission to its first decision: validate, gather the facts, work out its
 * claims on a place and on a resource and its validity, compute the fee, then decide and store, again when
 * another node issued a clashing permit in between.
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
    private final Acting acting;

    SubmissionDecision(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            RuleEngine rules, FormValidator forms, Facts facts, StateChanges changes, Clock clock, Acting acting) {
        this.acting = acting;
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
        boolean forVisitor = submission.onBehalfOf() != null && submission.onBehalfOf().kind() == Principal.Kind.PERSON
                && applicant.has(Role.SERVICE_CENTRE);
        if (!applicant.has(Role.APPLICANT) && !forVisitor) {
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
        TextLimits.check(missing, "/organization", submission.organization(), TextLimits.ID);
        TextLimits.check(missing, "/service", submission.service(), TextLimits.ID);
        TextLimits.check(missing, "/Idempotency-Key", submission.idempotencyKey(), TextLimits.IDEMPOTENCY_KEY);
        if (!missing.isEmpty()) {
            throw ApplicationException.invalid("The application is incomplete", missing);
        }
        if (submission.onBehalfOf() != null && submission.onBehalfOf().name() != null) {
            TextLimits.check(missing, "/onBehalfOf/name", submission.onBehalfOf().name(), TextLimits.NAME);
            if (!missing.isEmpty()) {
                throw ApplicationException.invalid("The application is incomplete", missing);
            }
        }
        Access.requireStorableSubject(applicant);
        // Whether the caller may act for whom they name is decided before the form is looked at.
        Acting.Act act = acting.forSubmission(applicant, submission.onBehalfOf(), submission.service(),
                changes.today(submission.organization()), clock.instant());
        String key = blankToNull(submission.idempotencyKey());
        String requestHash = requestHash(submission);
        if (key != null) {
            // A retry answers what the first request got, even if the form would no longer pass (a period
            // that has begun since); the same key with another request is refused whatever it holds.
            Optional<ApplicationRow> earlier = applications.findByIdempotencyKey(act.applicant(), key);
            if (earlier.isPresent()) {
                return changes.load(sameRequest(earlier.get(), requestHash));
            }
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

        LocalDate today = changes.today(submission.organization());
        Map<String, Object> known = facts.ofSubmission(submission.organization(), service.id(), submission.form(),
                submission.location());
        Occupancies.Claim place = Occupancies.claim(service.occupancy(), known, submission.location(), rules);
        Occupancy occupancy = place == null ? null : place.occupancy();
        boolean started = occupancy != null && occupancy.from().isBefore(today);
        if (started && OccupancyRule.STARTED_REFUSE.equals(service.occupancy().started())) {
            throw ApplicationException.invalid("The period of the permit has already begun",
                    List.of(new FieldError(Occupancies.pointer(service.occupancy().from()),
                            "must be today (" + today + ") or later")));
        }
        LocalDate validUntil = Validity.until(service.validity(), known, occupancy, today, facts);
        ResourceClaim resource = Claims.claim(service.claims(), known, occupancy, today, validUntil, rules);
        LocalSettings local = settings.localJson() == null ? LocalSettings.NONE
                : Json.read(settings.localJson(), LocalSettings.class);
        String feeRule = local.fee() != null ? local.fee() : service.fee().amount();
        BigDecimal fee = facts.amount(feeRule, known, "/form", "fee").setScale(2, RoundingMode.HALF_UP);
        RuleSet ruleSet = RuleSets.effective(submission.organization(), service, settings);
        Proposal proposal = new Proposal(applicant, act, submission, service, local, ruleSet, fee, key, place,
                resource, today, validUntil, started, requestHash);
        // Deciding and storing race with other nodes issuing permits for the same place and time, or the same
        // resource: the store refuses an issuance whose clash candidates changed, and the rules then look again.
        for (int attempt = 1;; attempt++) {
            List<ApplicationRow> occupants = place == null ? List.of()
                    : applications.issuedOccupying(submission.organization(), place.searchBox());
            List<ApplicationRow> holders = resource == null ? List.of()
                    : applications.issuedClaiming(submission.organization(), resource);
            Map<String, Object> decidedOn = known;
            if (place != null || resource != null) {
                decidedOn = new LinkedHashMap<>(known);
                decidedOn.put("conflicts", Occupancies.conflicts(place, occupants, holders));
            }
            Set<String> seen = new HashSet<>();
            occupants.forEach(row -> seen.add(row.id()));
            holders.forEach(row -> seen.add(row.id()));
            try {
                return decideAndStore(proposal, decidedOn, place == null && resource == null ? null : seen);
            } catch (StaleVersionException e) {
                if (attempt == 3) {
                    throw ApplicationException.conflict("many permits are being issued for this place right now;"
                            + " send the application again");
                }
            }
        }
    }

    /** Everything about a new application that does not change when the decision is made again. */
    private record Proposal(Caller applicant, Acting.Act act, Submission submission, EServiceDefinition service, LocalSettings local,
            RuleSet ruleSet, BigDecimal fee, String key, Occupancies.Claim place, ResourceClaim resource,
            LocalDate today, LocalDate validUntil, boolean started, String requestHash) {
    }

    private Application decideAndStore(Proposal p, Map<String, Object> decidedOn, Set<String> inTheWaySeen) {
        Instant now = clock.instant();
        Evaluation evaluation = rules.evaluate(p.ruleSet().criteria(), p.ruleSet().hash(), decidedOn);
        if (p.started()) {
            evaluation = StartedPeriod.heldForReview(evaluation, p.place().occupancy().from(), p.today());
        }
        boolean issueNow = p.ruleSet().mode() == AutomationMode.AUTOMATIC && evaluation.verdict() == Verdict.ISSUE;

        String id = UUID.randomUUID().toString();
        Phase firstPhase = p.service().workflow().get(0);
        ApplicationState state = issueNow ? ApplicationState.ISSUED : ApplicationState.IN_REVIEW;
        Submission submission = p.submission();
        Caller applicant = p.applicant();
        EServiceDefinition service = p.service();
        Acting.Act act = p.act();
        ApplicationRow row = new ApplicationRow(id, submission.organization(), service.id(), service.version(),
                act.applicant(), state.name(), Json.write(submission.form()),
                submission.location() == null ? null : Json.write(submission.location()), p.fee(),
                service.fee().currency(), issueNow ? null : firstPhase.id(), null,
                issueNow ? null : WorkingDays.after(p.today(), p.local().deadlines().getOrDefault(firstPhase.id(),
                        firstPhase.deadlineWorkingDays())), issueNow ? p.validUntil() : null, 0, now, now,
                p.key(), null, p.place() == null ? null : p.place().occupancy(), p.resource(), p.requestHash(),
                act.submittedBy());
        RuleSet ruleSet = p.ruleSet();
        DecisionRow decision = new DecisionRow(UUID.randomUUID().toString(), id, state.name(), ruleSet.mode().name(),
                ruleSet.mode() == AutomationMode.AUTOMATIC, evaluation.verdict().name(), evaluation.rulesetHash(),
                Json.write(evaluation), "", Caller.SYSTEM.subject(), now);
        List<AuditRow> audit = List.of(
                new AuditRow(id, row.organization(), now, applicant.subject(), act.channel().name(), "submitted",
                        null, ApplicationState.SUBMITTED.name(), service.id() + " " + service.version()
                                + (act.submittedBy() == null ? "" : ", on behalf of " + act.applicant())),
                new AuditRow(id, row.organization(), now, Caller.SYSTEM.subject(), Channel.AUTOMATIC.name(),
                        issueNow ? "issued" : "rules-evaluated", ApplicationState.SUBMITTED.name(), state.name(),
                        "mode " + ruleSet.mode() + ", verdict " + evaluation.verdict() + ", rule set "
                                + evaluation.rulesetHash().substring(0, 12)));
        ApplicationRow stored = applications.insert(row, List.of(decision), audit, inTheWaySeen);
        if (act.action() != null && stored.id().equals(id)) {
            acting.audit(acting.used(act, applicant, row.organization(), id, now));
        }
        // Another request with the same key may have been stored between the look-up and this insert.
        return changes.load(stored.id().equals(id) ? stored : sameRequest(stored, p.requestHash()));
    }

    /** The earlier application of an idempotency key, if it was sent with the same request; else 422. */
    private static ApplicationRow sameRequest(ApplicationRow earlier, String requestHash) {
        // Applications stored before request hashes were kept are matched by key alone, as they were then.
        if (earlier.requestHash() != null && !earlier.requestHash().equals(requestHash)) {
            throw ApplicationException.unprocessable("This Idempotency-Key was already used for another request;"
                    + " send a new key with a new application");
        }
        return earlier;
    }

    /**
     * SHA-256 of the request as canonical JSON (keys sorted at every level by the engine's mapper): what makes
     * two requests with the same Idempotency-Key the same request.
     */
    static String requestHash(Submission submission) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("organization", submission.organization());
        request.put("service", submission.service());
        request.put("form", submission.form());
        request.put("location", submission.location());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
