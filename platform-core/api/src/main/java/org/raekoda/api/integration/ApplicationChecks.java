package org.raekoda.api.integration;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/** The registry checks of an application, for its applicant (and those acting for them) and its officers. */
@ProviderType
public interface ApplicationChecks {

    List<CheckResult> of(Caller caller, String applicationId);

    /**
     * Records the answer of the check the outbox message {@code messageId} asked, once: the answer, the message's
     * delivery and, when it was the application's last open check, the application's decision commit together.
     * For the integration bundle's outbox delivery.
     */
    void answered(String messageId, CheckAnswer answer);

    /**
     * No installed system can answer the check the message asked (its bundle was uninstalled): the application
     * goes to an officer with that reason at once, instead of waiting for the deadline.
     */
    void unanswerable(String messageId, String reason);
}
