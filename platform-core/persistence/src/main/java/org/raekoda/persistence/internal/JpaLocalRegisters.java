package org.raekoda.persistence.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.RegisterRow;

/** Local registers in the database: a load replaces an organization's register in one transaction. */
@Component(service = LocalRegisters.class)
public final class JpaLocalRegisters implements LocalRegisters {

    private final Transactions tx;

    @Activate
    public JpaLocalRegisters(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaLocalRegisters over(Transactions tx) {
        return new JpaLocalRegisters(tx);
    }

    JpaLocalRegisters(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public int replace(String organization, String register, List<RegisterRow> rows) {
        // The same key twice in one load: the last line counts, as it would for someone reading the file.
        Map<String, String> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(row.joinedKey(), row.status()));
        return tx.inTransaction(em -> {
            // The organization's row lock serializes loads of its registers across nodes, so that two loads
            // at once end as one of them, never as a mixture or a duplicate-key failure.
            if (em.find(OrganizationEntity.class, organization, LockModeType.PESSIMISTIC_WRITE) == null) {
                throw ApplicationException.notFound("organization " + organization);
            }
            em.createQuery("delete from LocalRegisterRowEntity r where r.organization = :organization"
                    + " and r.register = :register")
                    .setParameter("organization", organization).setParameter("register", register)
                    .executeUpdate();
            byKey.forEach((key, status) -> em.persist(new LocalRegisterRowEntity(organization, register, key, status)));
            return byKey.size();
        });
    }

    @Override
    public Optional<String> status(String organization, String register, List<String> key) {
        String joined = new RegisterRow(key, "").joinedKey();
        return tx.inTransaction(em -> Optional.ofNullable(em.find(LocalRegisterRowEntity.class,
                new LocalRegisterRowEntity.Key(organization, register, joined))).map(LocalRegisterRowEntity::status));
    }

    @Override
    public int size(String organization, String register) {
        return tx.inTransaction(em -> em.createQuery("select count(r) from LocalRegisterRowEntity r"
                + " where r.organization = :organization and r.register = :register", Long.class)
                .setParameter("organization", organization).setParameter("register", register)
                .getSingleResult().intValue());
    }
}
