package org.raekoda.api.application;

import java.util.List;

/**
 * What a proposed rule set would have decided on the organization's past applications.
 *
 * @param currentHash   version of the rule set in force
 * @param proposedHash  version of the proposed rule set
 * @param evaluated     how many past applications were evaluated
 * @param changes       the applications whose verdict would change
 * @param disagreements the applications where an officer decided otherwise than the proposed rules would
 * @param notEvaluated  the applications on which a criterion (in force or proposed) could not be evaluated: it
 *                      failed or overran the deadline of one application
 * @param complete      false when the dry run's own deadline stopped it before every past application was
 *                      evaluated ({@code evaluated} then says how far it came)
 */
public record DryRunReport(String currentHash, String proposedHash, int evaluated, List<Change> changes,
        List<Change> disagreements, List<String> notEvaluated, boolean complete) {

    public DryRunReport {
        notEvaluated = notEvaluated == null ? List.of() : List.copyOf(notEvaluated);
    }

    /** A complete report in which every application was evaluated. */
    public DryRunReport(String currentHash, String proposedHash, int evaluated, List<Change> changes,
            List<Change> disagreements) {
        this(currentHash, proposedHash, evaluated, changes, disagreements, List.of(), true);
    }

    /**
     * One application in the report.
     *
     * @param application     application id
     * @param currentVerdict  what the rules in force say
     * @param proposedVerdict what the proposed rules say
     * @param officerOutcome  what an officer decided, or null
     * @param failing         the proposed criteria it fails
     */
    public record Change(String application, Verdict currentVerdict, Verdict proposedVerdict,
            ApplicationState officerOutcome, List<String> failing) {
    }
}
