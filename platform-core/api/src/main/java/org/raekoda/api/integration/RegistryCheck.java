package org.raekoda.api.integration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A national register that answers one kind of check, registered as an OSGi service by a country integration
 * bundle. The outbox delivery calls {@link #check} off any request thread, inside the circuit breaker of
 * {@link #system()}; it may call it again for the same {@link CheckRequest#requestId()} after a failure, so a
 * check must not change anything in the register.
 * <p>
 * Which check serves an organization: the one whose {@link #country()} is the organization's country, unless the
 * organization's {@link IntegrationSettings} name a system for the kind.
 */
@ConsumerType
public interface RegistryCheck {

    /** ISO 3166-1 alpha-2 code of the country whose register this is, e.g. {@code EE}, {@code BG}. */
    String country();

    /**
     * The external system, e.g. {@code ee-xroad-business} or {@code bg-regix}: one circuit breaker and one line of
     * /health per system. Lowercase letters, digits and dashes.
     */
    String system();

    CheckKind kind();

    /**
     * Asks the register.
     *
     * @return the register's answer, also when it found nothing
     * @throws SystemUnavailableException when the register could not answer now; the outbox tries again
     */
    CheckAnswer check(CheckRequest request);
}
