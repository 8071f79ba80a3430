package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.raekoda.store.spi.AccessAuditRow;

/**
 * A line of the access audit: inserted, never updated. A random id instead of a per-application sequence, so
 * that many staff reading one application at once never collide.
 */
@Entity
@Table(name = "access_audit")
public class AccessAuditEntity {

    @Id
    @Column(name = "id", updatable = false)
    private String id;

    @Column(name = "at", nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "organization_id", updatable = false)
    private String organization;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "subject", updatable = false)
    private String subject;

    @Column(name = "application_id", updatable = false)
    private String applicationId;

    @Column(name = "detail", updatable = false)
    private String detail;

    protected AccessAuditEntity() {
    }

    AccessAuditEntity(AccessAuditRow row) {
        this.id = UUID.randomUUID().toString();
        this.at = row.at().atOffset(ZoneOffset.UTC);
        this.actor = row.actor();
        this.organization = row.organization();
        this.action = row.action();
        this.subject = row.subject();
        this.applicationId = row.applicationId();
        this.detail = row.detail();
    }

    AccessAuditRow toRow() {
        return new AccessAuditRow(at.toInstant(), actor, organization, action, subject, applicationId, detail);
    }
}
