package org.raekoda.engine.internal.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.QueueItem;
import org.raekoda.api.application.Submission;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.registry.RegistryFacts;
import org.raekoda.api.registry.RepresentationRights;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.engine.internal.rules.FormValidator;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.ZoneLayerCache;

/**
 * The application lifecycle, as one service over its parts: the submission and its automatic decision
 * ({@link SubmissionDecision}), the applicant's later actions ({@link ApplicantActions}), the officer's
 * ({@link OfficerDecisions}), who may do what ({@link Access}) and how a change is written
 * ({@link StateChanges}). Every change is computed first and then written in one store transaction together
 * with its decision and audit line, guarded by the application's version.
 */
@Component(service = ApplicationService.class)
public final class ApplicationServiceImpl implements ApplicationService {

    /** Heap for parsed zone layers kept per node: a few per municipality, for a few hundred municipalities. */
    static final int ZONE_LAYERS_MEGABYTES = 96;

    private final ApplicationStore applications;
    private final List<RegistryFacts> registries = new CopyOnWriteArrayList<>();
    private final List<RepresentationRights> representationRights = new CopyOnWriteArrayList<>();
    private final PeopleStore people;
    private final Acting acting;
    private final Clock clock;
    private final Access access;
    private final StateChanges changes;
    private final SubmissionDecision submissions;
    private final ApplicantActions applicantActions;
    private final OfficerDecisions officerDecisions;

    @Activate
    public ApplicationServiceImpl(@Reference Catalogue catalogue, @Reference ApplicationStore applications,
            @Reference OrganizationStore organizations, @Reference PeopleStore people) {
        this(catalogue, applications, organizations, people, new RuleEngine(), new FormValidator(), Clock.systemUTC());
    }

    /** Without a people store: nobody acts for anyone, and staff reads are not audited (tools, older tests). */
    public ApplicationServiceImpl(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            RuleEngine rules, FormValidator forms, Clock clock) {
        this(catalogue, applications, organizations, null, rules, forms, clock);
    }

    public ApplicationServiceImpl(Catalogue catalogue, ApplicationStore applications, OrganizationStore organizations,
            PeopleStore people, RuleEngine rules, FormValidator forms, Clock clock) {
        this.applications = applications;
        this.people = people;
        this.clock = clock;
        Facts facts = new Facts(organizations, ZoneLayerCache.ofMegabytes(ZONE_LAYERS_MEGABYTES), registries, rules);
        this.acting = new Acting(people, representationRights);
        this.access = new Access(applications, acting, clock);
        this.changes = new StateChanges(applications, catalogue, organizations, clock);
        this.submissions = new SubmissionDecision(catalogue, applications, organizations, rules, forms, facts, changes,
                clock, acting);
        this.applicantActions = new ApplicantActions(access, applications, rules, forms, changes);
        this.officerDecisions = new OfficerDecisions(access, facts, changes, rules);
    }

    @Override
    public Application submit(Caller applicant, Submission submission) {
        return submissions.submit(applicant, submission);
    }

    /**
     * One application. An officer of its organization reading it sees the applicant's code, and the read is a
     * line of the access audit (one insert); the applicant and those acting for them read without a line.
     */
    @Override
    public Application get(Caller caller, String applicationId) {
        ApplicationRow row = access.visible(caller, applicationId);
        Application application = changes.load(row);
        boolean staff = caller.has(Role.OFFICER) && caller.actsFor(row.organization())
                && !row.applicant().equals(caller.subject());
        if (!staff || people == null) {
            return application;
        }
        people.audit(new AccessAuditRow(clock.instant(), caller.subject(), row.organization(), "read",
                row.applicant(), row.id(), ""));
        return application.withApplicantCode(acting.codeOf(row.applicant()));
    }

    @Override
    public List<Application> mine(Caller applicant) {
        return acting.mine(applicant, applications, LocalDate.now(clock), clock.instant()).stream().map(changes::load)
                .toList();
    }

    @Override
    public Application withdraw(Caller applicant, String applicationId) {
        return applicantActions.withdraw(applicant, applicationId);
    }

    @Override
    public Application answer(Caller applicant, String applicationId, Map<String, Object> additions) {
        return applicantActions.answer(applicant, applicationId, additions);
    }

    @Override
    public Application requestHumanReview(Caller applicant, String applicationId, String reason) {
        return applicantActions.requestHumanReview(applicant, applicationId, reason);
    }

    @Override
    public Application assign(Caller officer, String applicationId, String assignee) {
        return officerDecisions.assign(officer, applicationId, assignee);
    }

    @Override
    public Application decide(Caller officer, String applicationId, OfficerDecision decision) {
        return officerDecisions.decide(officer, applicationId, decision);
    }

    @Override
    public List<QueueItem> queue(Caller officer, String service, String phase) {
        Access.requireOfficer(officer, "only officers of an organization have a queue");
        LocalDate today = changes.today(officer.organization());
        List<QueueItem> items = new ArrayList<>();
        List<String> states = new ArrayList<>(OfficerDecisions.OPEN);
        states.add(ApplicationState.ISSUED.name());
        for (ApplicationRow row : applications.inStates(officer.organization(), states, service, phase)) {
            if (ApplicationState.ISSUED.name().equals(row.state()) && row.reviewRequestedAt() == null) {
                continue;
            }
            Application application = changes.load(row);
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
        Access.requireOfficer(officer, "only officers of an organization search its applications");
        List<String> states = state != null ? List.of(state.name())
                : Arrays.stream(ApplicationState.values()).map(Enum::name).toList();
        return applications.inStates(officer.organization(), states, service, null).stream().map(changes::load)
                .toList();
    }

    @Override
    public List<Application> conflicts(Caller officer, String applicationId) {
        ApplicationRow row = access.forOfficer(officer, applicationId);
        EServiceDefinition service = changes.definition(row);
        Map<String, ApplicationRow> inTheWay = new LinkedHashMap<>();
        if (row.occupancy() != null && service.occupancy() != null && row.locationJson() != null) {
            Occupancies.Claim claim = Occupancies.claimOf(row, service.occupancy());
            applications.issuedOccupying(row.organization(), claim.searchBox()).stream()
                    .filter(other -> Occupancies.clashes(claim, other))
                    .forEach(other -> inTheWay.put(other.id(), other));
        }
        if (row.claim() != null) {
            applications.issuedClaiming(row.organization(), row.claim()).forEach(other -> inTheWay.put(other.id(), other));
        }
        inTheWay.remove(row.id());
        return inTheWay.values().stream().map(changes::load).toList();
    }

    @Override
    public List<AuditEntry> audit(Caller caller, String applicationId) {
        access.forOfficer(caller, applicationId);
        List<AuditEntry> trail = new ArrayList<>(applications.audit(applicationId).stream().map(Rows::audit).toList());
        if (people != null) {
            // Who read it, and under which right someone acted for the applicant, from the access audit.
            people.accessAuditOf(applicationId).forEach(line -> trail.add(Rows.audit(line)));
            trail.sort(java.util.Comparator.comparing(AuditEntry::at));
        }
        return trail;
    }

    /** The facts criteria read (see {@link Facts}); the criteria service's dry run builds them the same way. */
    static Map<String, Object> facts(Map<String, Object> form, Map<String, Object> location,
            Map<String, PreparedGeometry> zoneLayers, Map<String, Object> registry) {
        return Facts.of(form, location, zoneLayers, registry);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addRegistry(RegistryFacts registry) {
        registries.add(registry);
    }

    public void removeRegistry(RegistryFacts registry) {
        registries.remove(registry);
    }

    /** Sources of representation rights: the local one, and national business registers as they are integrated. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addRepresentationRights(RepresentationRights source) {
        representationRights.add(source);
    }

    public void removeRepresentationRights(RepresentationRights source) {
        representationRights.remove(source);
    }
}
