package org.raekoda.store.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Applications, decisions and the audit trail. Every method is one transaction. */
@ProviderType
public interface ApplicationStore {

    Optional<ApplicationRow> find(String id);

    /** The application an applicant sent with this idempotency key, if any. */
    Optional<ApplicationRow> findByIdempotencyKey(String applicant, String idempotencyKey);

    /**
     * Inserts a new application with its first decisions and audit lines. When the applicant already used
     * the row's idempotency key, nothing is inserted and the existing application is returned.
     */
    default ApplicationRow insert(ApplicationRow row, List<DecisionRow> decisions, List<AuditRow> audit) {
        return insert(row, decisions, audit, null);
    }

    /**
     * Inserts like {@link #insert(ApplicationRow, List, List)}, and when the row is an issued permit with an
     * occupancy or a claim, first makes sure that the permits occupying its place and time, and those holding
     * its resource, are still those the decision saw. Issuances of one organization that occupy a place are serialized (a row lock on the organization),
     * so that of two clashing applications decided at the same moment on different nodes only one is issued.
     *
     * @param occupantsSeen ids of the issued permits that {@link #issuedOccupying} and {@link #issuedClaiming}
     *                      returned when the decision was made; null to skip the check
     * @throws StaleVersionException when another permit was issued for that place and time meanwhile: decide again
     */
    default ApplicationRow insert(ApplicationRow row, List<DecisionRow> decisions, List<AuditRow> audit,
            Set<String> occupantsSeen) {
        return insert(row, decisions, audit, occupantsSeen, Effects.NONE);
    }

    /**
     * Inserts like {@link #insert(ApplicationRow, List, List, Set)} and writes what the new application causes
     * (outbox messages, registry checks, its wait) in the same transaction. When the idempotency key was used
     * already, nothing is written.
     */
    ApplicationRow insert(ApplicationRow row, List<DecisionRow> decisions, List<AuditRow> audit,
            Set<String> occupantsSeen, Effects effects);

    /**
     * Issued permits of an organization whose occupancy period overlaps {@code where}'s and whose bounding
     * box intersects {@code where}'s: the candidates for a clash.
     */
    List<ApplicationRow> issuedOccupying(String organization, Occupancy where);

    /**
     * Issued permits of an organization holding the same kind and id of resource as {@code claim} for a period
     * that overlaps its period.
     */
    List<ApplicationRow> issuedClaiming(String organization, ResourceClaim claim);

    /**
     * Writes the changed application if its stored version is still {@code expectedVersion}, and appends
     * the decision (may be null) and audit line in the same transaction.
     *
     * @throws StaleVersionException when the stored version differs
     */
    default ApplicationRow update(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit) {
        return update(changed, expectedVersion, decision, audit, Effects.NONE);
    }

    /**
     * Updates like {@link #update(ApplicationRow, long, DecisionRow, AuditRow)} and writes the change's
     * {@link Effects} in the same transaction.
     *
     * @throws StaleVersionException   when the stored version differs
     * @throws AlreadyAppliedException when the effects' check was answered or payment settled already
     */
    ApplicationRow update(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit,
            Effects effects);

    List<ApplicationRow> byApplicant(String applicant);

    /** Applications of any of these applicants (a person, the companies they represent, ...), newest first. */
    List<ApplicationRow> byApplicants(List<String> applicants);

    /** Applications of an organization in the given states, optionally of one service and one phase. */
    List<ApplicationRow> inStates(String organization, List<String> states, String service, String phase);

    /** An organization's applications of one service that have decisions, newest first, at most {@code limit}. */
    List<ApplicationRow> history(String organization, String service, int limit);

    List<DecisionRow> decisions(String applicationId);

    List<AuditRow> audit(String applicationId);
}
