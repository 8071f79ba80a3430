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
 */
public record DryRunReport(String currentHash, String proposedHash, int evaluated, List<Change> changes,
        List<Change> disagreements) {

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
