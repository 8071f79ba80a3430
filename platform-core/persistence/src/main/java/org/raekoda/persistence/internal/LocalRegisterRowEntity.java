package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One row of an organization's local register: its key columns joined with commas, and its status. */
@Entity
@Table(name = "local_register_row")
@IdClass(LocalRegisterRowEntity.Key.class)
public class LocalRegisterRowEntity {

    @Id
    @Column(name = "organization_id")
    private String organization;

    @Id
    @Column(name = "register")
    private String register;

    @Id
    @Column(name = "row_key")
    private String key;

    @Column(name = "status", nullable = false)
    private String status;

    protected LocalRegisterRowEntity() {
    }

    LocalRegisterRowEntity(String organization, String register, String key, String status) {
        this.organization = organization;
        this.register = register;
        this.key = key;
        this.status = status;
    }

    String status() {
        return status;
    }

    /** Composite key: organization, register and row key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String organization;
        private String register;
        private String key;

        public Key() {
        }

        Key(String organization, String register, String key) {
            this.organization = organization;
            this.register = register;
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(organization, k.organization)
                    && Objects.equals(register, k.register) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organization, register, key);
        }
    }
}
