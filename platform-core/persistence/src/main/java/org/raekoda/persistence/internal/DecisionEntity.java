package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.raekoda.store.spi.DecisionRow;

@Entity
@Table(name = "decision")
public class DecisionEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private String applicationId;

    @Column(name = "outcome", nullable = false, updatable = false)
    private String outcome;

    @Column(name = "automation_mode", updatable = false)
    private String mode;

    @Column(name = "automatic", nullable = false, updatable = false)
    private boolean automatic;

    @Column(name = "verdict", updatable = false)
    private String verdict;

    @Column(name = "ruleset_hash", updatable = false)
    private String rulesetHash;

    @Lob
    @Column(name = "evaluation_json", updatable = false)
    private String evaluationJson;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "decided_by", nullable = false, updatable = false)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private OffsetDateTime decidedAt;

    protected DecisionEntity() {
    }

    DecisionEntity(DecisionRow row) {
        this.id = row.id();
        this.applicationId = row.applicationId();
        this.outcome = row.outcome();
        this.mode = row.mode();
        this.automatic = row.automatic();
        this.verdict = row.verdict();
        this.rulesetHash = row.rulesetHash();
        this.evaluationJson = row.evaluationJson();
        this.reason = row.reason();
        this.decidedBy = row.decidedBy();
        this.decidedAt = row.decidedAt().atOffset(ZoneOffset.UTC);
    }

    DecisionRow toRow() {
        return new DecisionRow(id, applicationId, outcome, mode, automatic, verdict, rulesetHash, evaluationJson,
                reason, decidedBy, decidedAt.toInstant());
    }
}
