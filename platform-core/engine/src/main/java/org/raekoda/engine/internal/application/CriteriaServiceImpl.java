package org.raekoda.engine.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.CriteriaService;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.DryRunReport;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.SettingsRow;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.ZoneLayerCache;

/** An organization's own criteria and automation mode, and the dry run of a proposed rule set. */
@Component(service = CriteriaService.class)
public final class CriteriaServiceImpl implements CriteriaService {

    /**
     * How far back a dry run looks: the most recent applications of the e-service. It also stops at the
     * deadline of {@link org.raekoda.engine.internal.rules.RuleLimits#dryRunDeadline()}.
     */
    static final int DRY_RUN_HISTORY = 5000;

    private final Catalogue catalogue;
    private final ApplicationStore applications;
    private final OrganizationStore organizations;
    private final RuleEngine rules;
    /** A dry run reads the layers once; kept small, as dry runs are rare. */
    private final ZoneLayerCache zoneLayers = ZoneLayerCache.ofMegabytes(16);

    @Activate
    public CriteriaServiceImpl(@Reference Catalogue catalogue, @Reference ApplicationStore applications,
            @Reference OrganizationStore organizations) {
        this(catalogue, applications, organizations, new RuleEngine());
    }

    public CriteriaServiceImpl(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            RuleEngine rules) {
        this.catalogue = catalogue;
        this.applications = applications;
        this.organizations = organizations;
        this.rules = rules;
    }

    @Override
    public RuleSet ruleSet(Caller admin, String organization, String service) {
        requireAdmin(admin, organization);
        return RuleSets.effective(organization, definition(service), settings(organization, service));
    }

    @Override
    public RuleSet update(Caller admin, String organization, String service, List<Criterion> criteria,
            AutomationMode mode) {
        requireAdmin(admin, organization);
        EServiceDefinition definition = definition(service);
        SettingsRow current = settings(organization, service);
        if (criteria != null) {
            check(criteria);
        }
        AutomationMode newMode = mode != null ? mode
                : current == null ? RuleSets.DEFAULT_MODE : AutomationMode.valueOf(current.mode());
        String criteriaJson = criteria == null ? null : Json.write(criteria);
        organizations.save(current == null
                ? new SettingsRow(organization, service, true, newMode.name(), criteriaJson, null)
                : current.withCriteria(current.enabled(), newMode.name(), criteriaJson));
        return RuleSets.effective(organization, definition, settings(organization, service));
    }

    @Override
    public DryRunReport dryRun(Caller admin, String organization, String service, List<Criterion> proposed) {
        requireAdmin(admin, organization);
        if (proposed == null) {
            throw ApplicationException.invalid("A dry run needs the proposed criteria",
                    List.of(new FieldError("/criteria", "is required")));
        }
        check(proposed);
        RuleSet current = RuleSets.effective(organization, definition(service), settings(organization, service));
        List<DryRunReport.Change> changes = new ArrayList<>();
        List<DryRunReport.Change> disagreements = new ArrayList<>();
        List<ApplicationRow> history = applications.history(organization, service, DRY_RUN_HISTORY);
        var zoneLayers = this.zoneLayers.layers(organizations, organization);
        String proposedHash = RuleEngine.hash(proposed);
        List<String> notEvaluated = new ArrayList<>();
        long stopAt = System.nanoTime() + rules.limits().dryRunDeadline().toNanos();
        int evaluated = 0;
        for (ApplicationRow row : history) {
            if (System.nanoTime() - stopAt > 0) {
                break;
            }
            evaluated++;
            List<DecisionRow> decisions = applications.decisions(row.id());
            var facts = ApplicationServiceImpl.facts(Json.readMap(row.formJson()), Json.readMap(row.locationJson()),
                    zoneLayers, atTheTime(decisions, "registry"));
            Map<String, Object> conflicts = atTheTime(decisions, "conflicts");
            if (!conflicts.isEmpty()) {
                facts.put("conflicts", conflicts);
            }
            Evaluation now = rules.evaluate(current.criteria(), current.hash(), facts);
            Evaluation then = rules.evaluate(proposed, proposedHash, facts);
            if (Stream.concat(now.results().stream(), then.results().stream()).anyMatch(RuleEngine::notEvaluated)) {
                notEvaluated.add(row.id());
            }
            ApplicationState officer = officerOutcome(decisions);
            List<String> failing = then.failed().stream().map(CriterionResult::criterion).toList();
            DryRunReport.Change line = new DryRunReport.Change(row.id(), now.verdict(), then.verdict(), officer, failing);
            if (now.verdict() != then.verdict()) {
                changes.add(line);
            }
            boolean officerIssuedWhatRulesHold = officer == ApplicationState.ISSUED && then.verdict() == Verdict.REVIEW;
            boolean officerRejectedWhatRulesIssue = officer == ApplicationState.REJECTED && then.verdict() == Verdict.ISSUE;
            if (officerIssuedWhatRulesHold || officerRejectedWhatRulesIssue) {
                disagreements.add(line);
            }
        }
        return new DryRunReport(current.hash(), proposedHash, evaluated, changes, disagreements, notEvaluated,
                evaluated == history.size());
    }

    /**
     * Registry answers and clashes with other permits as the rules saw them when the application came in (from
     * the decision's snapshot): registries and issued permits change, and a dry run asks what the proposed
     * criteria would have decided then, without querying a registry once per past application.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> atTheTime(List<DecisionRow> decisions, String facts) {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            String evaluation = decisions.get(i).evaluationJson();
            if (evaluation != null) {
                Object inputs = Json.readMap(evaluation).getOrDefault("inputs", Map.of());
                Object kept = inputs instanceof Map ? ((Map<String, Object>) inputs).get(facts) : null;
                return kept instanceof Map ? (Map<String, Object>) kept : Map.of();
            }
        }
        return Map.of();
    }

    /** The last decision an officer made (not the rules), or null. */
    private static ApplicationState officerOutcome(List<DecisionRow> decisions) {
        ApplicationState outcome = null;
        for (DecisionRow decision : decisions) {
            if (decision.verdict() == null) {
                ApplicationState state = ApplicationState.valueOf(decision.outcome());
                if (state == ApplicationState.ISSUED || state == ApplicationState.REJECTED) {
                    outcome = state;
                }
            }
        }
        return outcome;
    }

    private void check(List<Criterion> criteria) {
        List<FieldError> errors = rules.problems(criteria, "/criteria");
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The criteria have " + errors.size() + " problem(s)", errors);
        }
    }

    private EServiceDefinition definition(String service) {
        return catalogue.find(service).orElseThrow(() -> ApplicationException.notFound("e-service " + service));
    }

    private SettingsRow settings(String organization, String service) {
        return organizations.settings(organization, service).orElse(null);
    }

    private void requireAdmin(Caller caller, String organization) {
        // Only the organization's own administrators: a platform administrator runs the installation, not its towns.
        if (!caller.hasIn(organization, Role.ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " manage its criteria");
        }
        if (organizations.find(organization).isEmpty()) {
            throw ApplicationException.notFound("organization " + organization);
        }
    }
}
