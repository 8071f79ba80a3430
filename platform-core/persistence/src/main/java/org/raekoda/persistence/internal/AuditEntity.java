package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

import org.raekoda.store.spi.AuditRow;

/** An audit line: inserted, never updated (every column is not updatable). */
@Entity
@Table(name = "audit_event")
@IdClass(AuditEntity.Key.class)
public class AuditEntity {

    @Id
    @Column(name = "application_id", updatable = false)
    private String applicationId;

    @Id
    @Column(name = "seq", updatable = false)
    private int seq;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organization;

    @Column(name = "at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "channel", nullable = false, updatable = false)
    private String channel;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "from_state", updatable = false)
    private String fromState;

    @Column(name = "to_state", updatable = false)
    private String toState;

    @Column(name = "detail", updatable = false)
    private String detail;

    protected AuditEntity() {
    }

    AuditEntity(AuditRow row, int seq) {
        this.applicationId = row.applicationId();
        this.seq = seq;
        this.organization = row.organization();
        this.at = row.at().atOffset(ZoneOffset.UTC);
        this.actor = row.actor();
        this.channel = row.channel();
        this.action = row.action();
        this.fromState = row.fromState();
        this.toState = row.toState();
        this.detail = row.detail();
    }

    AuditRow toRow() {
        return new AuditRow(applicationId, organization, at.toInstant(), actor, channel, action, fromState, toState,
                detail);
    }

    /** Composite key: application and sequence number. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String applicationId;
        private int seq;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(applicationId, ((Key) other).applicationId)
                    && seq == ((Key) other).seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(applicationId, seq);
        }
    }
}
