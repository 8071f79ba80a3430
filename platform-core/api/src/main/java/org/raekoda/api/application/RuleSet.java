package org.raekoda.api.application;

import java.util.List;

import org.raekoda.api.eservice.Criterion;

/**
 * The criteria one organization applies to one e-service.
 *
 * @param organization organization id
 * @param service      e-service id
 * @param mode         how far the organization trusts the rules
 * @param criteria     the criteria in force: the e-service's defaults or the organization's own
 * @param hash         SHA-256 of the criteria: the rule set's version
 * @param overridden   whether the organization has its own criteria
 */
public record RuleSet(String organization, String service, AutomationMode mode, List<Criterion> criteria, String hash,
        boolean overridden) {

    public RuleSet {
        criteria = List.copyOf(criteria);
    }
}
