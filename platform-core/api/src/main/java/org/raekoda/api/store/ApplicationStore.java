package org.raekoda.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Applications, decisions and the audit trail. Every method is one transaction. */
@ProviderType
public interface ApplicationStore {

    Optional<ApplicationRow> find(String id);

    /**
     * Inserts a new application with its first decisions and audit lines. When the applicant already used
     * the row's idempotency key, nothing is inserted and the existing application is returned.
     */
    ApplicationRow insert(ApplicationRow row, List<DecisionRow> decisions, List<AuditRow> audit);

    /**
     * Writes the changed application if its stored version is still {@code expectedVersion}, and appends
     * the decision (may be null) and audit line in the same transaction.
     *
     * @throws StaleVersionException when the stored version differs
     */
    ApplicationRow update(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit);

    List<ApplicationRow> byApplicant(String applicant);

    /** Applications of an organization in the given states, optionally of one service and one phase. */
    List<ApplicationRow> inStates(String organization, List<String> states, String service, String phase);

    /** An organization's applications of one service that have decisions, newest first, at most {@code limit}. */
    List<ApplicationRow> history(String organization, String service, int limit);

    List<DecisionRow> decisions(String applicationId);

    List<AuditRow> audit(String applicationId);
}
