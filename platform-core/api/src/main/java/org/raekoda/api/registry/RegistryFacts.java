package org.raekoda.api.registry;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One registry's facts about an application, registered as an OSGi service. The engine asks every
 * registered provider when it evaluates criteria and puts the answer under {@code registry.<name>}.
 * A provider that fails or takes too long gives no facts: criteria that need them then see no value,
 * and the application goes to an officer instead of being issued on a guess.
 */
@ConsumerType
public interface RegistryFacts {

    /** The name criteria use, e.g. {@code cemetery} for {@code registry.cemetery.plotFree}. */
    String name();

    /**
     * The facts for one application. Called before the application is stored; must not change anything.
     *
     * @param organization the organization the application is addressed to
     * @param service      the e-service id
     * @param form         the application's form
     * @return facts by name; values are strings, numbers, booleans, lists or maps
     */
    Map<String, Object> facts(String organization, String service, Map<String, Object> form);
}
