package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.raekoda.store.spi.PersonRow;

/** A person: the pseudonymous id for a country and personal code. */
@Entity
@Table(name = "person")
public class PersonEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "country", nullable = false, updatable = false)
    private String country;

    @Column(name = "personal_code", nullable = false, updatable = false)
    private String personalCode;

    @Column(name = "name")
    private String name;

    @Column(name = "first_seen", nullable = false, updatable = false)
    private OffsetDateTime firstSeen;

    protected PersonEntity() {
    }

    PersonEntity(PersonRow row) {
        this.id = row.id();
        this.country = row.country();
        this.personalCode = row.personalCode();
        this.name = row.name();
        this.firstSeen = row.firstSeen().atOffset(ZoneOffset.UTC);
    }

    void rename(String newName) {
        this.name = newName;
    }

    PersonRow toRow() {
        return new PersonRow(id, country, personalCode, name, firstSeen.toInstant());
    }
}
