package org.raekoda.api.application;

import java.time.Instant;

/**
 * A recorded decision on an application: by the rules (automatic or, in shadow and suggest modes,
 * recommended) or by an officer.
 *
 * @param id         decision id
 * @param outcome    ISSUED, REJECTED, MORE_INFO_REQUESTED, or IN_REVIEW for a rules verdict that sent it to an officer
 * @param mode       the automation mode in force when the rules ran, or null for an officer's decision
 * @param automatic  whether the platform decided (true) or recorded a verdict / an officer decided (false)
 * @param evaluation the rules' evaluation, or null for an officer's decision
 * @param reason     an officer's reason, or empty
 * @param decidedBy  subject of the officer, or {@code raekoda} for the rules
 * @param decidedAt  when
 */
public record Decision(String id, ApplicationState outcome, AutomationMode mode, boolean automatic,
        Evaluation evaluation, String reason, String decidedBy, Instant decidedAt) {
}
