package org.raekoda.api.application;

/** What the rules say about an application. */
public enum Verdict {
    /** Every criterion passed: the permit may be issued without a human. */
    ISSUE,
    /** At least one criterion failed or could not be evaluated: an officer must look. */
    REVIEW
}
