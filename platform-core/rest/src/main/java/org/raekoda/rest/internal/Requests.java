package org.raekoda.rest.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.swagger.v3.oas.annotations.media.Schema;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Principal;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.LocalizedText;

/**
 * The JSON bodies the API accepts. Unknown fields are refused, so a misspelt field is never silently lost; a
 * map of texts or numbers with a null in it is refused where it is read ({@code Nulls.FAIL}: 400 at its
 * pointer), since the platform's texts and deadlines have no use for a missing value.
 */
final class Requests {

    private Requests() {
    }

    /** POST /v1/applications */
    record SubmitBody(@Schema(requiredMode = REQUIRED) String organization, @Schema(requiredMode = REQUIRED) String service,
            @Schema(requiredMode = REQUIRED, ref = ApiDocument.JSON_OBJECT) Map<String, Object> form,
            @Schema(ref = ApiDocument.LOCATION) Map<String, Object> location,
            @Schema(nullable = true, description = "Whom the caller applies for: a company they represent, a person "
                    + "who gave them a mandate, a visitor at a service centre; left out when they apply for themselves")
            PrincipalBody onBehalfOf) {
    }

    /** A person or a company by country and code: always in a body, never in a URL. */
    record PartyBody(@Schema(requiredMode = REQUIRED, description = "ISO 3166-1 alpha-2", example = "EE") String country,
            @Schema(requiredMode = REQUIRED, description = "Personal identification code or registry code")
            String code) {

        /** The code, or 400 at {@code pointer}. */
        PartyCode toCode(String pointer) {
            if (country == null || code == null) {
                throw ApplicationException.invalid("A person or company needs a country and a code",
                        List.of(new FieldError(pointer, "country and code are required")));
            }
            try {
                return new PartyCode(country, code);
            } catch (IllegalArgumentException e) {
                throw ApplicationException.invalid("Not a country and code", List.of(new FieldError(pointer,
                        e.getMessage())));
            }
        }
    }

    /** onBehalfOf of POST /v1/applications */
    record PrincipalBody(@Schema(requiredMode = REQUIRED) Principal.Kind kind,
            @Schema(requiredMode = REQUIRED, description = "ISO 3166-1 alpha-2", example = "EE") String country,
            @Schema(requiredMode = REQUIRED, description = "Personal identification code or registry code") String code,
            @Schema(nullable = true) String name) {

        Principal toPrincipal() {
            if (kind == null) {
                throw ApplicationException.invalid("Whom the application is for needs a kind",
                        List.of(new FieldError("/onBehalfOf/kind", "PERSON or COMPANY")));
            }
            return new Principal(kind, new PartyBody(country, code).toCode("/onBehalfOf"), name);
        }
    }

    /** POST /v1/organizations/{organization}/memberships */
    record MembershipBody(@Schema(requiredMode = REQUIRED) PartyBody person, @Schema(nullable = true) String name,
            @Schema(requiredMode = REQUIRED, description = "OFFICER, ADMIN, SERVICE_CENTRE") Set<Caller.Role> roles) {
    }

    /** POST /v1/me/mandates */
    record MandateBody(@Schema(requiredMode = REQUIRED) PartyBody grantee, @Schema(nullable = true) String name,
            @Schema(description = "E-service ids it covers; empty or left out for all") Set<String> services,
            @Schema(requiredMode = REQUIRED, format = "date", description = "Its last day") LocalDate validUntil) {
    }

    /** POST /v1/applications/{id}/decision */
    record DecisionBody(@Schema(requiredMode = REQUIRED) OfficerDecision.Action action, String reason,
            @Schema(requiredMode = REQUIRED, description = "The version of the application the officer saw") Long version) {
    }

    /** POST /v1/applications/{id}/assign */
    record AssignBody(String assignee) {
    }

    /** POST /v1/applications/{id}/human-review */
    record ReviewRequestBody(String reason) {
    }

    /** POST /v1/applications/{id}/answer */
    record AnswerBody(@Schema(ref = ApiDocument.JSON_OBJECT) Map<String, Object> form) {
    }

    /** One criterion as written by an administrator. */
    record CriterionBody(@Schema(requiredMode = REQUIRED) String id,
            @Schema(requiredMode = REQUIRED) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, String> title,
            @Schema(requiredMode = REQUIRED) String value, @Schema(requiredMode = REQUIRED) String test,
            @Schema(ref = ApiDocument.ANY_VALUE) Object limit, @Schema(nullable = true) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, String> legalBasis) {

        Criterion toCriterion() {
            return new Criterion(id, new LocalizedText(title == null ? Map.of() : title), value, test, limit,
                    legalBasis == null ? null : new LocalizedText(legalBasis));
        }

        static CriterionBody of(Criterion criterion) {
            return new CriterionBody(criterion.id(), criterion.title().texts(), criterion.value(), criterion.test(),
                    criterion.limit(), criterion.legalBasis().texts());
        }
    }

    /** PUT /v1/municipalities/{m}/services/{id}/criteria and the dry run */
    record CriteriaBody(AutomationMode mode, List<CriterionBody> criteria) {
    }

    /** PUT /v1/municipalities/{m}/services/{id}/local */
    record LocalBody(@Schema(nullable = true) String fee,
            @Schema(nullable = true) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, Integer> deadlines,
            @Schema(nullable = true) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, String> title,
            @Schema(nullable = true) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, String> description) {

        LocalSettings toSettings() {
            return new LocalSettings(fee, deadlines, title == null ? null : new LocalizedText(title),
                    description == null ? null : new LocalizedText(description));
        }

        static LocalBody of(LocalSettings settings) {
            return new LocalBody(settings.fee(), settings.deadlines(),
                    settings.title() == null ? null : settings.title().texts(),
                    settings.description() == null ? null : settings.description().texts());
        }
    }

    /** PUT /v1/organizations/{id}; timeZone is an IANA id such as Europe/Tallinn, UTC when left out. */
    record OrganizationBody(
            @Schema(requiredMode = REQUIRED, allowableValues = {"MUNICIPALITY", "STATE_AGENCY"}) String kind,
            @Schema(requiredMode = REQUIRED) @JsonSetter(contentNulls = Nulls.FAIL) Map<String, String> name,
            @Schema(description = "IANA time zone, e.g. Europe/Tallinn; UTC when left out", nullable = true)
            String timeZone) {
    }

    /** PUT /v1/municipalities/{m}/services/{id} */
    record OfferBody(Boolean enabled, AutomationMode mode) {
    }
}
