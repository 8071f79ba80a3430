package org.raekoda.engine.internal.application;

import java.util.List;

import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.store.spi.SettingsRow;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;

/** The criteria in force for an organization: its own when it has them, the e-service's defaults otherwise. */
final class RuleSets {

    /** A newly offered e-service starts where nothing happens without a human. */
    static final AutomationMode DEFAULT_MODE = AutomationMode.SHADOW;

    private RuleSets() {
    }

    static RuleSet effective(String organization, EServiceDefinition service, SettingsRow settings) {
        boolean overridden = settings != null && settings.criteriaJson() != null;
        List<Criterion> criteria = overridden ? Json.readCriteria(settings.criteriaJson()) : service.criteria();
        AutomationMode mode = settings == null ? DEFAULT_MODE : AutomationMode.valueOf(settings.mode());
        return new RuleSet(organization, service.id(), mode, criteria, RuleEngine.hash(criteria), overridden);
    }
}
