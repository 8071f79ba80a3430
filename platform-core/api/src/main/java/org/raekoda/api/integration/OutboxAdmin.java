package org.raekoda.api.integration;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.Caller;

/** What administrators see of the outbox and do with it. */
@ProviderType
public interface OutboxAdmin {

    /** Dead letters: messages that exhausted their retries, newest first; of one organization, or all (null, platform admins). */
    List<OutboxMessage> dead(Caller admin, String organization, int limit);

    /** Sends a dead letter again, with its attempts counted afresh. */
    OutboxMessage redrive(Caller admin, String messageId);

    /** Applications waiting in CHECKING or AWAITING_PAYMENT, oldest first. */
    List<WaitingApplication> waiting(Caller admin, String organization, int limit);

    /** Counts by state and system, for health. No caller: it holds no personal data. */
    OutboxFigures figures();
}
