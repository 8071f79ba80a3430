package org.raekoda.store.spi;

import java.time.Instant;

/** One stored decision; {@code evaluationJson} holds the explanation and the snapshot of inputs. */
public record DecisionRow(String id, String applicationId, String outcome, String mode, boolean automatic,
        String verdict, String rulesetHash, String evaluationJson, String reason, String decidedBy, Instant decidedAt) {
}
