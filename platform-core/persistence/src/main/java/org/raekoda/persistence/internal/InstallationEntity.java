package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The single row that names this installation. Never leaves this bundle. */
@Entity
@Table(name = "raekoda_installation")
public class InstallationEntity {

    /** There is one installation per database: its row always has this key. */
    static final int SINGLETON_KEY = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "installation_id", nullable = false, updatable = false, length = 36)
    private String installationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected InstallationEntity() {
        // for JPA
    }

    InstallationEntity(String installationId, OffsetDateTime createdAt) {
        this.id = SINGLETON_KEY;
        this.installationId = installationId;
        this.createdAt = createdAt;
    }

    String installationId() {
        return installationId;
    }

    OffsetDateTime createdAt() {
        return createdAt;
    }
}
