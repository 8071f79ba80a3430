package org.raekoda.api.application;

/** How far a municipality trusts the automatic rules of one e-service. */
public enum AutomationMode {
    /** The rules run and their verdict is recorded; officers decide without seeing it. */
    SHADOW,
    /** Officers see the recommended decision and its explanation, and decide. */
    SUGGEST,
    /** An application that meets every criterion is issued at once, without a human. */
    AUTOMATIC
}
