package org.raekoda.persistence.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.raekoda.store.spi.OrganizationRow;

@Entity
@Table(name = "organization")
public class OrganizationEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "kind", nullable = false)
    private String kind;

    @Lob
    @Column(name = "name_json", nullable = false)
    private String nameJson;

    @Column(name = "time_zone")
    private String timeZone;

    protected OrganizationEntity() {
    }

    OrganizationEntity(OrganizationRow row) {
        this.id = row.id();
        update(row);
    }

    void update(OrganizationRow row) {
        this.kind = row.kind();
        this.nameJson = row.nameJson();
        this.timeZone = row.timeZone();
    }

    /** The zone the organization counts its days in. */
    java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone == null || timeZone.isBlank()
                ? org.raekoda.api.application.Organization.DEFAULT_TIME_ZONE : timeZone);
    }

    OrganizationRow toRow() {
        return new OrganizationRow(id, kind, nameJson, timeZone);
    }
}
