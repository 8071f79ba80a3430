package org.raekoda.engine.internal.rules;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the node's {@code org.raekoda.rules} configuration to every rule engine of the node (the engines are
 * plain objects made by the services that use them). Without a configuration the defaults of
 * {@link RulesConfig} apply.
 */
@Component(configurationPid = "org.raekoda.rules", immediate = true, service = {})
@Designate(ocd = RulesConfig.class)
public final class RulesSettings {

    private static final Logger LOG = LoggerFactory.getLogger(RulesSettings.class);

    @Activate
    public RulesSettings(RulesConfig config) {
        apply(config);
    }

    @Modified
    void apply(RulesConfig config) {
        try {
            RuleEngine.configure(new RuleLimits(Duration.ofMillis(config.evaluationDeadlineMillis()),
                    Duration.ofSeconds(config.dryRunDeadlineSeconds())));
        } catch (IllegalArgumentException e) {
            LOG.error("Rules configuration refused, the defaults apply: {}", e.getMessage());
            RuleEngine.configure(RuleLimits.DEFAULTS);
        }
    }

    @Deactivate
    void deactivate() {
        RuleEngine.configure(RuleLimits.DEFAULTS);
    }
}
