package org.raekoda.api.application;

/**
 * What an officer decides on an application in review.
 *
 * @param action          issue, reject or ask the applicant for more information
 * @param reason          why, for the applicant and the audit trail
 * @param expectedVersion the application's version the officer saw; a different current version means
 *                        someone else decided first (409)
 */
public record OfficerDecision(Action action, String reason, long expectedVersion) {

    /**
     * The officer's choices. ISSUE, REJECT and REQUEST_INFO decide an application in review; CONFIRM and
     * REVOKE answer an applicant's request for a human review of a permit the rules issued.
     */
    public enum Action {
        ISSUE, REJECT, REQUEST_INFO, CONFIRM, REVOKE
    }
}
