package org.raekoda.api.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an organization uses the installed integrations.
 *
 * @param country        ISO 3166-1 alpha-2 code of the organization's country: registry checks and payment
 *                       methods of that country serve it unless named otherwise; null when none is set (then no
 *                       check can run and applications that need one go to an officer)
 * @param paymentMethods the payment methods offered, by id, in the order applicants see them; empty = every
 *                       installed method of the country
 * @param systems        for a check kind, the system that answers it when several could
 * @param checkDeadline  how long registry checks may take before the application goes to an officer
 * @param paymentTime    how long an application waits for its fee before it lapses
 */
public record OrganizationIntegrations(String country, List<String> paymentMethods, Map<CheckKind, String> systems,
        Duration checkDeadline, Duration paymentTime) {

    public static final Duration DEFAULT_CHECK_DEADLINE = Duration.ofHours(24);
    public static final Duration DEFAULT_PAYMENT_TIME = Duration.ofDays(7);
    public static final OrganizationIntegrations NONE = new OrganizationIntegrations(null, List.of(), Map.of(), null,
            null);

    public OrganizationIntegrations {
        paymentMethods = List.copyOf(paymentMethods == null ? List.of() : paymentMethods);
        systems = Map.copyOf(systems == null ? Map.of() : systems);
        checkDeadline = checkDeadline == null ? DEFAULT_CHECK_DEADLINE : checkDeadline;
        paymentTime = paymentTime == null ? DEFAULT_PAYMENT_TIME : paymentTime;
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, e.g. EE");
        }
        Objects.requireNonNull(checkDeadline);
    }
}
