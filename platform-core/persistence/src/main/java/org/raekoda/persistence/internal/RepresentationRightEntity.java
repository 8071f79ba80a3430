package org.raekoda.persistence.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One right of the local source: this person may act for this company. */
@Entity
@Table(name = "representation_right")
@IdClass(RepresentationRightEntity.Key.class)
public class RepresentationRightEntity {

    @Id
    @Column(name = "person_country")
    private String personCountry;

    @Id
    @Column(name = "person_code")
    private String personCode;

    @Id
    @Column(name = "company_country")
    private String companyCountry;

    @Id
    @Column(name = "company_code")
    private String companyCode;

    @Column(name = "company_name")
    private String companyName;

    protected RepresentationRightEntity() {
    }

    RepresentationRightEntity(String personCountry, String personCode, String companyCountry, String companyCode,
            String companyName) {
        this.personCountry = personCountry;
        this.personCode = personCode;
        this.companyCountry = companyCountry;
        this.companyCode = companyCode;
        this.companyName = companyName;
    }

    String companyCountry() {
        return companyCountry;
    }

    String companyCode() {
        return companyCode;
    }

    String companyName() {
        return companyName;
    }

    /** Composite key: the person and the company. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String personCountry;
        private String personCode;
        private String companyCountry;
        private String companyCode;

        public Key() {
        }

        public Key(String personCountry, String personCode, String companyCountry, String companyCode) {
            this.personCountry = personCountry;
            this.personCode = personCode;
            this.companyCountry = companyCountry;
            this.companyCode = companyCode;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && personCountry.equals(key.personCountry)
                    && personCode.equals(key.personCode) && companyCountry.equals(key.companyCountry)
                    && companyCode.equals(key.companyCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personCountry, personCode, companyCountry, companyCode);
        }
    }
}
