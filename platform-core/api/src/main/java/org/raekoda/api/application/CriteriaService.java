package org.raekoda.api.application;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.eservice.Criterion;

/** An organization's own criteria and automation mode for each e-service. Admins only. */
@ProviderType
public interface CriteriaService {

    RuleSet ruleSet(Caller admin, String organization, String service);

    /**
     * Replaces the organization's criteria and mode. A null criteria list returns to the e-service's
     * defaults; a null mode keeps the current one.
     */
    RuleSet update(Caller admin, String organization, String service, List<Criterion> criteria, AutomationMode mode);

    /** Evaluates the proposed criteria against the organization's past applications; changes nothing. */
    DryRunReport dryRun(Caller admin, String organization, String service, List<Criterion> proposed);
}
