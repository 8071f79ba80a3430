package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Lob;
import javax.persistence.Table;

@Entity
@Table(name = "eservice_definition")
@IdClass(DefinitionEntity.Key.class)
public class DefinitionEntity {

    @Id
    @Column(name = "service_id")
    private String service;

    @Id
    @Column(name = "version")
    private String version;

    @Lob
    @Column(name = "definition_json", nullable = false)
    private String json;

    protected DefinitionEntity() {
    }

    DefinitionEntity(String service, String version, String json) {
        this.service = service;
        this.version = version;
        this.json = json;
    }

    String json() {
        return json;
    }

    void json(String newJson) {
        this.json = newJson;
    }

    /** Composite key: service and version. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String service;
        private String version;

        public Key() {
        }

        Key(String service, String version) {
            this.service = service;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(service, ((Key) other).service)
                    && Objects.equals(version, ((Key) other).version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, version);
        }
    }
}
