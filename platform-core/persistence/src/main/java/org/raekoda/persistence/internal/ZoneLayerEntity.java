package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One zone layer of an organization, as GeoJSON. */
@Entity
@Table(name = "zone_layer")
@IdClass(ZoneLayerEntity.Key.class)
public class ZoneLayerEntity {

    @Id
    @Column(name = "organization_id")
    private String organization;

    @Id
    @Column(name = "name")
    private String name;

    @Lob
    @Column(name = "geojson", nullable = false)
    private String geoJson;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected ZoneLayerEntity() {
    }

    ZoneLayerEntity(String organization, String name, String geoJson, OffsetDateTime updatedAt) {
        this.organization = organization;
        this.name = name;
        replace(geoJson, updatedAt);
    }

    void replace(String newGeoJson, OffsetDateTime at) {
        this.geoJson = newGeoJson;
        this.updatedAt = at;
    }

    String name() {
        return name;
    }

    String geoJson() {
        return geoJson;
    }

    /** Composite key: organization and layer name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String organization;
        private String name;

        public Key() {
        }

        Key(String organization, String name) {
            this.organization = organization;
            this.name = name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(organization, ((Key) other).organization)
                    && Objects.equals(name, ((Key) other).name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organization, name);
        }
    }
}
