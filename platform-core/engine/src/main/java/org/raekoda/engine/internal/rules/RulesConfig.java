package org.raekoda.engine.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.raekoda.rules}: how long criteria may run. */
@ObjectClassDefinition(name = "Raekoda rules", description = "Deadlines for evaluating criteria")
public @interface RulesConfig {

    @AttributeDefinition(description = "Milliseconds for all criteria of one application; criteria still running"
            + " then could not be evaluated and the application goes to an officer", min = "1")
    int evaluationDeadlineMillis() default RuleLimits.DEFAULT_EVALUATION_DEADLINE_MILLIS;

    @AttributeDefinition(description = "Seconds for a whole dry run of proposed criteria; the report then says"
            + " how many past applications it reached", min = "1")
    int dryRunDeadlineSeconds() default RuleLimits.DEFAULT_DRY_RUN_DEADLINE_SECONDS;
}
