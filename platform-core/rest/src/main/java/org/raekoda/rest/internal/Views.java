package org.raekoda.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Decision;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.QueueItem;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.identity.AccessAuditEntry;
import org.raekoda.api.identity.Mandate;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Profile;

/** The JSON shapes of the API: what callers see, in their language. */
final class Views {

    /** Reads the platform's own documents (form schemas, UI hints), not callers' input: Jackson's limits suffice. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Views() {
    }

    /** An organization, its name in the shape PUT takes it: language tag to text. */
    record OrganizationView(String id, String kind, Map<String, String> name) {

        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id(), organization.kind().name(), organization.name().texts());
        }
    }

    record ServiceSummary(String id, String version, String owner, String title, String description,
            Map<String, String> titles, @Schema(nullable = true, allowableValues = {"Point", "LineString", "Polygon"},
                    description = "The GeoJSON geometry type of an application's location; null when it takes none")
            String geometry, boolean locationRequired) {
    }

    record PhaseView(String id, String title, int deadlineWorkingDays, String role) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceDetail(String id, String version, String owner, String title, String description,
            Map<String, String> titles, @Schema(allowableValues = {"Point", "LineString", "Polygon"}) String geometry,
            boolean locationRequired, String feeCurrency, List<PhaseView> workflow,
            @Schema(ref = ApiDocument.JSON_OBJECT, description = "The form as JSON Schema 2020-12") JsonNode formSchema,
            @Schema(ref = ApiDocument.JSON_OBJECT) JsonNode uiHints) {
    }

    /** The e-service as the catalogue lists it; an organization's own title and description win when given. */
    static ServiceSummary summary(EServiceDefinition service, LocalSettings local, List<Locale> languages) {
        LocalizedText title = local != null && local.title() != null ? local.title() : service.title();
        LocalizedText description = local != null && local.description() != null ? local.description()
                : service.description();
        return new ServiceSummary(service.id(), service.version(), service.owner().name(),
                title.in(languages), description.in(languages), title.texts(),
                service.location().geometry() == null ? null : service.location().geometry().geoJsonType(),
                service.location().required());
    }

    static ServiceDetail detail(EServiceDefinition service, List<Locale> languages) {
        List<PhaseView> phases = service.workflow().stream().map(p -> new PhaseView(p.id(),
                p.title() == null ? p.id() : p.title().in(languages), p.deadlineWorkingDays(), p.role())).toList();
        return new ServiceDetail(service.id(), service.version(), service.owner().name(), service.title().in(languages),
                service.description().in(languages), service.title().texts(),
                service.location().geometry() == null ? null : service.location().geometry().geoJsonType(),
                service.location().required(), service.fee().currency(), phases, tree(service.formSchema()),
                tree(service.uiHints()));
    }

    /**
     * One criterion's outcome, for the applicant: what was checked, the value seen, the limit, whether it
     * passed, and the rule it comes from.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ExplanationLine(String criterion, String title, @Schema(ref = ApiDocument.ANY_VALUE) Object value,
            @Schema(ref = ApiDocument.ANY_VALUE) Object limit, boolean passed, String note,
            String legalBasis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DecisionView(@Schema(implementation = ApplicationState.class) String outcome, boolean automatic, String mode, String verdict, String rulesetHash,
            String reason, String decidedBy, String decidedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApplicationView(String id, String organization, String service, String serviceVersion,
            @Schema(implementation = ApplicationState.class) String state,
            @Schema(ref = ApiDocument.JSON_OBJECT) Map<String, Object> form,
            @Schema(ref = ApiDocument.LOCATION) Map<String, Object> location, String fee, String currency, String phase,
            String assignee, String deadline, String validUntil, long version, String submittedAt,
            List<DecisionView> decisions, String verdict, List<ExplanationLine> explanation, String reviewRequestedAt,
            String occupiedFrom, String occupiedUntil,
            @Schema(description = "Applicant: a person's pseudonymous id or company:CC:code") String applicant,
            @Schema(description = "Who acted when the applicant did not apply themselves") String submittedBy,
            @Schema(description = "The applicant's country and code: only for officers of the application's "
                    + "organization reading one application") String applicantCode) {
    }

    /**
     * The rules' verdict and explanation are shown to the applicant in automatic mode, to officers in
     * suggest and automatic modes, and to nobody here in shadow mode (admins compare them in a dry run).
     */
    static ApplicationView application(Application application, Caller caller, List<Locale> languages) {
        Decision rules = null;
        for (Decision decision : application.decisions()) {
            if (decision.evaluation() != null) {
                rules = decision;
            }
        }
        boolean officer = caller.hasIn(application.organization(), Caller.Role.OFFICER);
        boolean show = rules != null && (rules.mode() == AutomationMode.AUTOMATIC
                || officer && rules.mode() == AutomationMode.SUGGEST);
        List<DecisionView> decisions = new ArrayList<>();
        for (Decision decision : application.decisions()) {
            boolean hideVerdict = decision.evaluation() != null && !show;
            if (hideVerdict && !decision.automatic()) {
                continue;
            }
            decisions.add(new DecisionView(decision.outcome().name(), decision.automatic(),
                    decision.mode() == null ? null : decision.mode().name(),
                    hideVerdict || decision.evaluation() == null ? null : decision.evaluation().verdict().name(),
                    hideVerdict || decision.evaluation() == null ? null : decision.evaluation().rulesetHash(),
                    decision.reason().isEmpty() ? null : decision.reason(), decision.decidedBy(),
                    decision.decidedAt().toString()));
        }
        Evaluation evaluation = show ? rules.evaluation() : null;
        return new ApplicationView(application.id(), application.organization(), application.service(),
                application.serviceVersion(), application.state().name(), application.form(), application.location(),
                application.fee().toPlainString(), application.currency(), application.phase(), application.assignee(),
                str(application.deadline()), str(application.validUntil()), application.version(),
                application.submittedAt().toString(), decisions,
                evaluation == null ? null : evaluation.verdict().name(),
                evaluation == null ? null : explanation(evaluation, languages), str(application.reviewRequestedAt()),
                str(application.occupiedFrom()), str(application.occupiedUntil()), application.applicant(),
                application.submittedBy(), officer && application.applicantCode() != null
                        ? application.applicantCode().reveal() : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MembershipView(String id, String organization, String person, String name, List<String> roles,
            String grantedBy, String grantedAt, String revokedBy, String revokedAt) {

        static MembershipView of(Membership m) {
            return new MembershipView(m.id(), m.organization(), m.person(), m.name(),
                    m.roles().stream().map(Enum::name).sorted().toList(), m.grantedBy(), str(m.grantedAt()),
                    m.revokedBy(), str(m.revokedAt()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MandateView(String id, String grantor, String grantorName, String grantee, String granteeName,
            @Schema(description = "E-services it covers; empty for all") List<String> services,
            @Schema(format = "date") String validUntil, String grantedAt, String revokedBy, String revokedAt) {

        static MandateView of(Mandate m) {
            return new MandateView(m.id(), m.grantor(), m.grantorName(), m.grantee(), m.granteeName(),
                    m.services().stream().sorted().toList(), str(m.validUntil()), str(m.grantedAt()), m.revokedBy(),
                    str(m.revokedAt()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccessAuditView(String at, String actor, String organization, String action, String subject,
            String application, String detail) {

        static AccessAuditView of(AccessAuditEntry e) {
            return new AccessAuditView(str(e.at()), e.actor(), e.organization(), e.action(), e.subject(),
                    e.application(), e.detail());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompanyView(String country, String code, String name) {
    }

    /** GET /v1/me: the caller's own code is shown to the caller alone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeView(String person, String name, String country,
            @Schema(description = "The caller's own personal code; shown to them alone") String code,
            List<String> roles, Map<String, List<String>> memberships, List<CompanyView> companies,
            List<MandateView> mandates) {

        static MeView of(Profile p) {
            Map<String, List<String>> memberships = new java.util.TreeMap<>();
            p.memberships().forEach((organization, roles) -> memberships.put(organization,
                    roles.stream().map(Enum::name).sorted().toList()));
            return new MeView(p.person(), p.name(), p.code() == null ? null : p.code().country(),
                    p.code() == null ? null : p.code().code(), p.roles().stream().map(Enum::name).sorted().toList(),
                    memberships, p.companies().stream().map(c -> new CompanyView(c.company().country(),
                            c.company().code(), c.name())).toList(),
                    p.mandates().stream().map(MandateView::of).toList());
        }
    }

    static List<ExplanationLine> explanation(Evaluation evaluation, List<Locale> languages) {
        List<ExplanationLine> lines = new ArrayList<>();
        for (CriterionResult result : evaluation.results()) {
            lines.add(new ExplanationLine(result.criterion(), new LocalizedText(result.title()).in(languages),
                    result.value(), result.limit(), result.passed(), result.note(),
                    result.legalBasis() == null ? null : new LocalizedText(result.legalBasis()).in(languages)));
        }
        return lines;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueView(ApplicationView application, boolean overdue, String suggestion) {
    }

    static QueueView queueItem(QueueItem item, Caller caller, List<Locale> languages) {
        return new QueueView(application(item.application(), caller, languages), item.overdue(),
                item.suggestion() == null ? null : item.suggestion().name());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
