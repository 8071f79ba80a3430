package org.raekoda.api.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.raekoda.api.identity.PartyCode;

/**
 * An application as callers see it.
 *
 * @param id             application id
 * @param organization   the municipality or agency that handles it
 * @param service        e-service id
 * @param serviceVersion e-service definition version it was made against
 * @param applicant      the applicant's subject id
 * @param state          where it is in its lifecycle
 * @param form           the form as submitted (JSON object as a map)
 * @param location       GeoJSON geometry as a map, or null
 * @param fee            fee amount
 * @param currency       fee currency
 * @param phase          current workflow phase, or null
 * @param assignee       officer in charge, or null
 * @param deadline       when the current phase is due, or null
 * @param validUntil     for an issued permit, the last day it is valid
 * @param version        optimistic-lock version; send it back when deciding
 * @param submittedAt    when it was submitted
 * @param decisions      every decision so far, oldest first
 * @param reviewRequestedAt when the applicant asked a person to review the rules' decision, while that is open
 * @param occupiedFrom   first day the permit occupies its place (e-services that declare an occupancy), or null
 * @param occupiedUntil  last day the permit occupies its place, or null
 * @param submittedBy    who acted when the applicant did not apply themselves (a representative, a mandatary, a
 *                       service-centre officer), or null
 * @param applicantCode  the applicant's personal or registry code: only for officers of the application's
 *                       organization reading one application; null otherwise
 */
public record Application(String id, String organization, String service, String serviceVersion, String applicant,
        ApplicationState state, Map<String, Object> form, Map<String, Object> location, BigDecimal fee, String currency,
        String phase, String assignee, LocalDate deadline, LocalDate validUntil, long version, Instant submittedAt,
        List<Decision> decisions, Instant reviewRequestedAt, LocalDate occupiedFrom, LocalDate occupiedUntil,
        String submittedBy, PartyCode applicantCode) {

    public Application {
        decisions = List.copyOf(decisions);
    }

    /** An application its applicant submitted themselves, without the applicant's code. */
    public Application(String id, String organization, String service, String serviceVersion, String applicant,
            ApplicationState state, Map<String, Object> form, Map<String, Object> location, BigDecimal fee,
            String currency, String phase, String assignee, LocalDate deadline, LocalDate validUntil, long version,
            Instant submittedAt, List<Decision> decisions, Instant reviewRequestedAt, LocalDate occupiedFrom,
            LocalDate occupiedUntil) {
        this(id, organization, service, serviceVersion, applicant, state, form, location, fee, currency, phase, assignee,
                deadline, validUntil, version, submittedAt, decisions, reviewRequestedAt, occupiedFrom, occupiedUntil,
                null, null);
    }

    /** The same application with the applicant's code, for an officer of its organization. */
    public Application withApplicantCode(PartyCode code) {
        return new Application(id, organization, service, serviceVersion, applicant, state, form, location, fee,
                currency, phase, assignee, deadline, validUntil, version, submittedAt, decisions, reviewRequestedAt,
                occupiedFrom, occupiedUntil, submittedBy, code);
    }

    /** An application whose e-service declares no occupancy. */
    public Application(String id, String organization, String service, String serviceVersion, String applicant,
            ApplicationState state, Map<String, Object> form, Map<String, Object> location, BigDecimal fee,
            String currency, String phase, String assignee, LocalDate deadline, LocalDate validUntil, long version,
            Instant submittedAt, List<Decision> decisions, Instant reviewRequestedAt) {
        this(id, organization, service, serviceVersion, applicant, state, form, location, fee, currency, phase, assignee,
                deadline, validUntil, version, submittedAt, decisions, reviewRequestedAt, null, null);
    }

    /** The rules' latest evaluation, if they ran. */
    public Evaluation latestEvaluation() {
        for (int i = decisions.size() - 1; i >= 0; i--) {
            if (decisions.get(i).evaluation() != null) {
                return decisions.get(i).evaluation();
            }
        }
        return null;
    }
}
