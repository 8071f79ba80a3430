package org.raekoda.rest.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import io.swagger.v3.oas.annotations.media.Schema;
import org.raekoda.api.application.AutomationMode;
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
            @Schema(ref = ApiDocument.LOCATION) Map<String, Object> location) {
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
