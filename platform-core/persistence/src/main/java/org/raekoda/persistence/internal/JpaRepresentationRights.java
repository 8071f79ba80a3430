package org.raekoda.persistence.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.registry.LocalRepresentationRights;
import org.raekoda.api.registry.RepresentationRights;
import org.raekoda.api.registry.RepresentedCompany;

/**
 * The local source of representation rights in the database: a load replaces every right in one transaction,
 * and every node answers from the same rows.
 */
@Component(service = {LocalRepresentationRights.class, RepresentationRights.class})
public final class JpaRepresentationRights implements LocalRepresentationRights {

    private final Transactions tx;

    @Activate
    public JpaRepresentationRights(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaRepresentationRights over(Transactions tx) {
        return new JpaRepresentationRights(tx);
    }

    JpaRepresentationRights(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public int replace(List<Right> rights) {
        // The same person and company twice in one load: the last line's name counts.
        Map<List<String>, String> byKey = new LinkedHashMap<>();
        rights.forEach(right -> byKey.put(List.of(right.person().country(), right.person().code(),
                right.company().company().country(), right.company().company().code()), right.company().name()));
        return tx.inTransaction(em -> {
            // The installation's row lock serializes loads across nodes: two loads at once end as one of them.
            em.find(InstallationEntity.class, InstallationEntity.SINGLETON_KEY, LockModeType.PESSIMISTIC_WRITE);
            em.createQuery("delete from RepresentationRightEntity r").executeUpdate();
            byKey.forEach((key, name) -> em.persist(
                    new RepresentationRightEntity(key.get(0), key.get(1), key.get(2), key.get(3), name)));
            return byKey.size();
        });
    }

    @Override
    public int size() {
        return tx.inTransaction(em -> em.createQuery("select count(r) from RepresentationRightEntity r", Long.class)
                .getSingleResult().intValue());
    }

    @Override
    public boolean represents(PartyCode person, PartyCode company) {
        return tx.inTransaction(em -> em.find(RepresentationRightEntity.class, new RepresentationRightEntity.Key(
                person.country(), person.code(), company.country(), company.code())) != null);
    }

    @Override
    public List<RepresentedCompany> companiesOf(PartyCode person) {
        return tx.inTransaction(em -> em.createQuery("select r from RepresentationRightEntity r"
                + " where r.personCountry = :country and r.personCode = :code order by r.companyCode",
                RepresentationRightEntity.class).setParameter("country", person.country())
                .setParameter("code", person.code()).getResultList().stream()
                .map(r -> new RepresentedCompany(new PartyCode(r.companyCountry(), r.companyCode()), r.companyName()))
                .toList());
    }
}
