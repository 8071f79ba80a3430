package org.raekoda.persistence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.raekoda.store.spi.MandateRow;

/** A mandate between two persons; revoking sets revoked_by and revoked_at, the row stays. */
@Entity
@Table(name = "mandate")
public class MandateEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "grantor_id", nullable = false, updatable = false)
    private String grantor;

    @Column(name = "grantee_id", nullable = false, updatable = false)
    private String grantee;

    @Column(name = "grantee_name", updatable = false)
    private String granteeName;

    @Column(name = "services", nullable = false, updatable = false)
    private String services;

    @Column(name = "valid_until", nullable = false, updatable = false)
    private LocalDate validUntil;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected MandateEntity() {
    }

    MandateEntity(MandateRow row) {
        this.id = row.id();
        this.grantor = row.grantor();
        this.grantee = row.grantee();
        this.granteeName = row.granteeName();
        this.services = row.services();
        this.validUntil = row.validUntil();
        this.grantedAt = row.grantedAt().atOffset(ZoneOffset.UTC);
        this.revokedBy = row.revokedBy();
        this.revokedAt = row.revokedAt() == null ? null : row.revokedAt().atOffset(ZoneOffset.UTC);
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at.atOffset(ZoneOffset.UTC);
    }

    MandateRow toRow() {
        return new MandateRow(id, grantor, grantee, granteeName, services, validUntil, grantedAt.toInstant(), revokedBy,
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
