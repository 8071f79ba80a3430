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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.QueueItem;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.application.Submission;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.Phase;
import org.raekoda.api.registry.RegistryFacts;
import org.raekoda.api.store.ApplicationRow;
import org.raekoda.api.store.ApplicationStore;
import org.raekoda.api.store.AuditRow;
import org.raekoda.api.store.DecisionRow;
import org.raekoda.api.store.OrganizationStore;
import org.raekoda.api.store.SettingsRow;
import org.raekoda.api.store.StaleVersionException;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.spatial.Spatial;
import org.raekoda.engine.internal.spatial.ZoneLayerCache;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;

/**
 * The application lifecycle. Every change is computed first (validation, rules, next state) and then
 * written in one store transaction together with its decision and audit line, guarded by the
 * application's version, so that of two concurrent changes exactly one wins.
 */
@Component(service = ApplicationService.class)
public final class ApplicationServiceImpl implements ApplicationService {

    /** Heap for parsed zone layers kept per node: a few per municipality, for a few hundred municipalities. */
    static final int ZONE_LAYERS_MEGABYTES = 96;

    private static final List<String> OPEN = List.of(ApplicationState.IN_REVIEW.name(),
            ApplicationState.MORE_INFO_REQUESTED.name());

    private final Catalogue catalogue;
    private final ApplicationStore applications;
    private final OrganizationStore organizations;
    private final RuleEngine rules;
    private final FormValidator forms;
    private final Clock clock;
    private final ZoneLayerCache zoneLayers = ZoneLayerCache.ofMegabytes(ZONE_LAYERS_MEGABYTES);
    private final List<RegistryFacts> registries = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApplicationServiceImpl.class);

    @Activate
    public ApplicationServiceImpl(@Reference Catalogue catalogue, @Reference ApplicationStore applications,
            @Reference OrganizationStore organizations) {
        this(catalogue, applications, organizations, new RuleEngine(), new FormValidator(), Clock.systemUTC());
    }

    public ApplicationServiceImpl(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            RuleEngine rules, FormValidator forms, Clock clock) {
        this.catalogue = catalogue;
        this.applications = applications;
        this.organizations = organizations;
        this.rules = rules;
        this.forms = forms;
        this.clock = clock;
    }

    @Override
    public Application submit(Caller applicant, Submission submission) {
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

        Map<String, Object> facts = facts(submission.form(), submission.location(),
                zoneLayers.layers(organizations, submission.organization()),
                registryFacts(submission.organization(), service.id(), submission.form()));
        Occupancies.Claim claim = Occupancies.claim(service.occupancy(), facts, submission.location(), rules);
        LocalSettings local = settings.localJson() == null ? LocalSettings.NONE
                : Json.read(settings.localJson(), LocalSettings.class);
        String feeRule = local.fee() != null ? local.fee() : service.fee().amount();
        BigDecimal fee = amount(feeRule, facts, "/form", "fee").setScale(2, RoundingMode.HALF_UP);
        RuleSet ruleSet = RuleSets.effective(submission.organization(), service, settings);
        // Deciding and storing race with other nodes issuing permits for the same place and time: the store
        // refuses an issuance whose clash candidates changed, and the rules then look again.
        for (int attempt = 1;; attempt++) {
            List<ApplicationRow> occupants = claim == null ? List.of()
                    : applications.issuedOccupying(submission.organization(), claim.searchBox());
            Map<String, Object> decidedOn = facts;
            if (claim != null) {
                decidedOn = new LinkedHashMap<>(facts);
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
            LocalSettings local, RuleSet ruleSet, Map<String, Object> facts, BigDecimal fee, String key,
            Occupancies.Claim claim, List<ApplicationRow> occupants) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Evaluation evaluation = rules.evaluate(ruleSet.criteria(), ruleSet.hash(), facts);
        boolean issueNow = ruleSet.mode() == AutomationMode.AUTOMATIC && evaluation.verdict() == Verdict.ISSUE;

        String id = UUID.randomUUID().toString();
        Phase firstPhase = service.workflow().get(0);
        ApplicationState state = issueNow ? ApplicationState.ISSUED : ApplicationState.IN_REVIEW;
        LocalDate validUntil = issueNow ? today.plusDays(amount(service.validity().days(), facts, "/form", "validity")
                .longValue()) : null;
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
        return load(stored);
    }

    @Override
    public Application get(Caller caller, String applicationId) {
        ApplicationRow row = visible(caller, applicationId);
        return load(row);
    }

    @Override
    public List<Application> mine(Caller applicant) {
        return applications.byApplicant(applicant.subject()).stream().map(this::load).toList();
    }

    @Override
    public Application withdraw(Caller applicant, String applicationId) {
        ApplicationRow row = visible(applicant, applicationId);
        if (!row.applicant().equals(applicant.subject())) {
            throw ApplicationException.forbidden("only the applicant withdraws an application");
        }
        return move(applicant, row, ApplicationState.WITHDRAWN, row.version(), r -> r, "withdrawn", "", null);
    }

    @Override
    public Application answer(Caller applicant, String applicationId, Map<String, Object> additions) {
        ApplicationRow row = visible(applicant, applicationId);
        if (!row.applicant().equals(applicant.subject())) {
            throw ApplicationException.forbidden("only the applicant answers a request for information");
        }
        Map<String, Object> form = new LinkedHashMap<>(Json.readMap(row.formJson()));
        form.putAll(additions == null ? Map.of() : additions);
        EServiceDefinition service = definition(row);
        List<FieldError> errors = forms.validate(service.id() + "@" + service.version(), service.formSchema(),
                FormValidator.tree(form), "/form");
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The answer leaves " + errors.size() + " invalid field(s)", errors);
        }
        String formJson = Json.write(form);
        Map<String, Object> location = row.locationJson() == null ? null : Json.readMap(row.locationJson());
        Occupancies.Claim claim = Occupancies.claim(service.occupancy(), facts(form, location, Map.of(), Map.of()),
                location, rules);
        return move(applicant, row, ApplicationState.IN_REVIEW, row.version(), r -> new ApplicationRow(r.id(),
                r.organization(), r.service(), r.serviceVersion(), r.applicant(), r.state(), formJson, r.locationJson(),
                r.fee(), r.currency(), r.phase(), r.assignee(), r.deadline(), r.validUntil(), r.version(),
                r.submittedAt(), r.updatedAt(), r.idempotencyKey(), r.reviewRequestedAt(),
                claim == null ? null : claim.occupancy()), "answered", "", null);
    }

    @Override
    public Application requestHumanReview(Caller applicant, String applicationId, String reason) {
        ApplicationRow row = visible(applicant, applicationId);
        if (!row.applicant().equals(applicant.subject())) {
            throw ApplicationException.forbidden("only the applicant asks for a human review");
        }
        if (row.reviewRequestedAt() != null) {
            return load(row);
        }
        List<DecisionRow> decisions = applications.decisions(row.id());
        DecisionRow last = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        boolean issuedByRules = ApplicationState.ISSUED.name().equals(row.state()) && last != null && last.automatic()
                && ApplicationState.ISSUED.name().equals(last.outcome());
        if (!issuedByRules) {
            throw ApplicationException.conflict("application is " + row.state()
                    + (OPEN.contains(row.state()) ? "; a person is already handling it"
                            : "; only a permit the rules issued can be sent to a person"));
        }
        Instant now = clock.instant();
        String note = reason == null ? "" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, applicant.subject(), applicant.channel().name(),
                "human-review-requested", row.state(), row.state(), note);
        return write(row.withReviewRequested(now, now), row.version(), null, audit);
    }

    @Override
    public Application assign(Caller officer, String applicationId, String assignee) {
        ApplicationRow row = forOfficer(officer, applicationId);
        if (!OPEN.contains(row.state())) {
            throw ApplicationException.conflict("application is " + row.state() + "; only open applications are assigned");
        }
        String who = assignee == null || assignee.isBlank() ? officer.subject() : assignee;
        ApplicationRow changed = new ApplicationRow(row.id(), row.organization(), row.service(), row.serviceVersion(),
                row.applicant(), row.state(), row.formJson(), row.locationJson(), row.fee(), row.currency(),
                row.phase(), who, row.deadline(), row.validUntil(), row.version(), row.submittedAt(), clock.instant(),
                row.idempotencyKey(), row.reviewRequestedAt(), row.occupancy());
        AuditRow audit = new AuditRow(row.id(), row.organization(), clock.instant(), officer.subject(),
                officer.channel().name(), "assigned", row.state(), row.state(), "to " + who);
        return write(changed, row.version(), null, audit);
    }

    @Override
    public Application decide(Caller officer, String applicationId, OfficerDecision decision) {
        ApplicationRow row = forOfficer(officer, applicationId);
        if (decision == null || decision.action() == null) {
            throw ApplicationException.invalid("A decision needs an action",
                    List.of(new FieldError("/action", "one of ISSUE, REJECT, REQUEST_INFO")));
        }
        boolean needsReason = decision.action() == OfficerDecision.Action.REJECT
                || decision.action() == OfficerDecision.Action.REQUEST_INFO || decision.action() == OfficerDecision.Action.REVOKE;
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
        EServiceDefinition service = definition(row);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return move(officer, row, target, decision.expectedVersion(), r -> {
            if (target == ApplicationState.REVOKED) {
                return r.withReviewRequested(null, r.updatedAt());
            }
            if (target != ApplicationState.ISSUED) {
                return r;
            }
            Map<String, Object> facts = facts(Json.readMap(r.formJson()), null, Map.of(), Map.of());
            LocalDate validUntil = today.plusDays(amount(service.validity().days(), facts, "/form", "validity").longValue());
            return new ApplicationRow(r.id(), r.organization(), r.service(), r.serviceVersion(), r.applicant(),
                    r.state(), r.formJson(), r.locationJson(), r.fee(), r.currency(), null, r.assignee(), null,
                    validUntil, r.version(), r.submittedAt(), r.updatedAt(), r.idempotencyKey(), null, r.occupancy());
        }, "decided", decision.reason() == null ? "" : decision.reason(), target);
    }

    /** The officer looked at a permit the rules issued and keeps it: the request is closed, the permit stands. */
    private Application confirm(Caller officer, ApplicationRow row, OfficerDecision decision) {
        if (row.version() != decision.expectedVersion()) {
            throw ApplicationException.conflict("application changed since version " + decision.expectedVersion()
                    + "; reload it (now version " + row.version() + ")");
        }
        Instant now = clock.instant();
        String reason = decision.reason() == null ? "" : decision.reason();
        DecisionRow confirmed = new DecisionRow(UUID.randomUUID().toString(), row.id(), ApplicationState.ISSUED.name(),
                null, false, null, null, null, reason, officer.subject(), now);
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, officer.subject(), officer.channel().name(),
                "human-review-confirmed", row.state(), row.state(), reason);
        return write(row.withReviewRequested(null, now), decision.expectedVersion(), confirmed, audit);
    }

    @Override
    public List<QueueItem> queue(Caller officer, String service, String phase) {
        if (!officer.has(Role.OFFICER) || officer.organization() == null) {
            throw ApplicationException.forbidden("only officers of an organization have a queue");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<QueueItem> items = new ArrayList<>();
        List<String> states = new ArrayList<>(OPEN);
        states.add(ApplicationState.ISSUED.name());
        for (ApplicationRow row : applications.inStates(officer.organization(), states, service, phase)) {
            if (ApplicationState.ISSUED.name().equals(row.state()) && row.reviewRequestedAt() == null) {
                continue;
            }
            Application application = load(row);
            Evaluation evaluation = application.latestEvaluation();
            var rulesDecision = application.decisions().stream().filter(d -> d.evaluation() != null)
                    .reduce((first, second) -> second).orElse(null);
            Verdict suggestion = rulesDecision != null && rulesDecision.mode() == AutomationMode.SUGGEST
                    ? evaluation.verdict() : null;
            boolean overdue = row.deadline() != null && row.deadline().isBefore(today);
            items.add(new QueueItem(application, overdue, suggestion));
        }
        return items;
    }

    @Override
    public List<Application> search(Caller officer, String service, ApplicationState state) {
        if (!officer.has(Role.OFFICER) || officer.organization() == null) {
            throw ApplicationException.forbidden("only officers of an organization search its applications");
        }
        List<String> states = state != null ? List.of(state.name())
                : java.util.Arrays.stream(ApplicationState.values()).map(Enum::name).toList();
        return applications.inStates(officer.organization(), states, service, null).stream().map(this::load).toList();
    }

    @Override
    public List<Application> conflicts(Caller officer, String applicationId) {
        ApplicationRow row = forOfficer(officer, applicationId);
        EServiceDefinition service = definition(row);
        if (row.occupancy() == null || service.occupancy() == null || row.locationJson() == null) {
            return List.of();
        }
        Occupancies.Claim claim = Occupancies.claimOf(row, service.occupancy());
        return applications.issuedOccupying(row.organization(), claim.searchBox()).stream()
                .filter(other -> !other.id().equals(row.id()))
                .filter(other -> Occupancies.clashes(claim, other))
                .map(this::load).toList();
    }

    @Override
    public List<AuditEntry> audit(Caller caller, String applicationId) {
        forOfficer(caller, applicationId);
        return applications.audit(applicationId).stream().map(Rows::audit).toList();
    }

    private Application move(Caller caller, ApplicationRow row, ApplicationState target, long expectedVersion,
            java.util.function.UnaryOperator<ApplicationRow> change, String action, String reason,
            ApplicationState decisionOutcome) {
        ApplicationState current = ApplicationState.valueOf(row.state());
        if (!current.canMoveTo(target)) {
            throw ApplicationException.wrongState("application is " + current + "; it cannot become " + target
                    + (current.next().isEmpty() ? "" : " (possible: " + current.next() + ")"), current.next());
        }
        if (row.version() != expectedVersion) {
            throw ApplicationException.conflict("application changed since version " + expectedVersion
                    + "; reload it (now version " + row.version() + ")");
        }
        Instant now = clock.instant();
        ApplicationRow changed = change.apply(row).withState(target.name(), now);
        DecisionRow decision = decisionOutcome == null ? null : new DecisionRow(UUID.randomUUID().toString(), row.id(),
                decisionOutcome.name(), null, false, null, null, null, reason, caller.subject(), now);
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, caller.subject(), caller.channel().name(),
                action, current.name(), target.name(), reason);
        return write(changed, expectedVersion, decision, audit);
    }

    private Application write(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit) {
        try {
            return load(applications.update(changed, expectedVersion, decision, audit));
        } catch (StaleVersionException e) {
            throw ApplicationException.conflict("someone else changed the application first; reload it");
        }
    }

    /** The applicant sees their own; officers see their organization's; nobody else learns it exists. */
    private ApplicationRow visible(Caller caller, String applicationId) {
        ApplicationRow row = applications.find(applicationId)
                .orElseThrow(() -> ApplicationException.notFound("application " + applicationId));
        boolean own = row.applicant().equals(caller.subject());
        boolean officer = caller.has(Role.OFFICER) && caller.actsFor(row.organization());
        if (!own && !officer) {
            throw ApplicationException.notFound("application " + applicationId);
        }
        return row;
    }

    private ApplicationRow forOfficer(Caller caller, String applicationId) {
        ApplicationRow row = visible(caller, applicationId);
        if (!(caller.has(Role.OFFICER) && caller.actsFor(row.organization()))) {
            throw ApplicationException.forbidden("only officers of " + row.organization() + " may do this");
        }
        return row;
    }

    private EServiceDefinition definition(ApplicationRow row) {
        return catalogue.find(row.service(), row.serviceVersion())
                .orElseThrow(() -> ApplicationException.conflict("e-service " + row.service() + " " + row.serviceVersion()
                        + " is not known to this installation"));
    }

    private Application load(ApplicationRow row) {
        return Rows.application(row, applications.decisions(row.id()));
    }

    /**
     * What criteria may read: {@code form}, {@code location} (the geometry and the organization's zone layers
     * it touches) and {@code registry} (facts from national registries). Clashes with permits already issued
     * for the same place and time are added as {@code conflicts} when the e-service declares an occupancy.
     */
    static Map<String, Object> facts(Map<String, Object> form, Map<String, Object> location,
            Map<String, PreparedGeometry> zoneLayers, Map<String, Object> registry) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("form", form == null ? Map.of() : form);
        facts.put("location", Spatial.facts(location, zoneLayers));
        facts.put("registry", registry == null ? Map.of() : registry);
        return facts;
    }

    /** Asks every registry; one that fails gives no facts, so criteria on it send the application to an officer. */
    private Map<String, Object> registryFacts(String organization, String service, Map<String, Object> form) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (RegistryFacts registry : registries) {
            try {
                Map<String, Object> answer = registry.facts(organization, service, form);
                if (answer != null) {
                    facts.put(registry.name(), answer);
                }
            } catch (RuntimeException e) {
                LOG.warn("Registry {} gave no facts for an application to {}: {}", registry.name(), organization,
                        e.getMessage());
            }
        }
        return facts;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addRegistry(RegistryFacts registry) {
        registries.add(registry);
    }

    public void removeRegistry(RegistryFacts registry) {
        registries.remove(registry);
    }

    private BigDecimal amount(String expression, Map<String, Object> facts, String pointer, String what) {
        try {
            return rules.amount(expression, facts);
        } catch (RuntimeException e) {
            throw ApplicationException.invalid("The " + what + " cannot be computed from this form",
                    List.of(new FieldError(pointer, "the " + what + " rule needs fields that are missing or wrong")));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
