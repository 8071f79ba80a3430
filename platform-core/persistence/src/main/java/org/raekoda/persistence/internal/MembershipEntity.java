package org.raekoda.persistence.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.raekoda.store.spi.MembershipRow;

/** A person's roles in an organization; revoking sets revoked_by and revoked_at, the row stays. */
@Entity
@Table(name = "membership")
public class MembershipEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organization;

    @Column(name = "person_id", nullable = false, updatable = false)
    private String personId;

    @Column(name = "name", updatable = false)
    private String name;

    @Column(name = "roles", nullable = false, updatable = false)
    private String roles;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private OffsetDateTime grantedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected MembershipEntity() {
    }

    MembershipEntity(MembershipRow row) {
        this.id = row.id();
        this.organization = row.organization();
        this.personId = row.personId();
        this.name = row.name();
        this.roles = row.roles();
        this.grantedBy = row.grantedBy();
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

    MembershipRow toRow() {
        return new MembershipRow(id, organization, personId, name, roles, grantedBy, grantedAt.toInstant(), revokedBy,
                revokedAt == null ? null : revokedAt.toInstant());
    }
}
