package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.raekoda.store.spi.SettingsRow;

@Entity
@Table(name = "organization_service")
@IdClass(ServiceSettingsEntity.Key.class)
public class ServiceSettingsEntity {

    @Id
    @Column(name = "organization_id")
    private String organization;

    @Id
    @Column(name = "service_id")
    private String service;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "automation_mode", nullable = false)
    private String mode;

    @Lob
    @Column(name = "criteria_json")
    private String criteriaJson;

    @Lob
    @Column(name = "local_json")
    private String localJson;

    protected ServiceSettingsEntity() {
    }

    ServiceSettingsEntity(SettingsRow row) {
        this.organization = row.organization();
        this.service = row.service();
        update(row);
    }

    void update(SettingsRow row) {
        this.enabled = row.enabled();
        this.mode = row.mode();
        this.criteriaJson = row.criteriaJson();
        this.localJson = row.localJson();
    }

    SettingsRow toRow() {
        return new SettingsRow(organization, service, enabled, mode, criteriaJson, localJson);
    }

    /** Composite key: organization and service. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String organization;
        private String service;

        public Key() {
        }

        Key(String organization, String service) {
            this.organization = organization;
            this.service = service;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(organization, ((Key) other).organization)
                    && Objects.equals(service, ((Key) other).service);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organization, service);
        }
    }
}
