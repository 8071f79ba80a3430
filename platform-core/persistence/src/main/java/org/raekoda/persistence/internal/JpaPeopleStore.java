package org.raekoda.persistence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.MandateRow;
import org.raekoda.store.spi.MembershipRow;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.PersonRow;

/** Persons, memberships, mandates and the access audit in the database, through EclipseLink. */
@Component(service = PeopleStore.class)
public final class JpaPeopleStore implements PeopleStore {

    private final Transactions tx;

    @Activate
    public JpaPeopleStore(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaPeopleStore over(Transactions tx) {
        return new JpaPeopleStore(tx);
    }

    JpaPeopleStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Known signIn(String country, String personalCode, String name, Instant now) {
        Known known = known(country, personalCode);
        if (known == null) {
            findOrCreate(country, personalCode, name, now);
            known = known(country, personalCode);
        } else if (name != null && !name.equals(known.person().name())) {
            String id = known.person().id();
            tx.inTransaction(em -> {
                em.find(PersonEntity.class, id).rename(name);
                return null;
            });
            PersonRow was = known.person();
            known = new Known(new PersonRow(was.id(), was.country(), was.personalCode(), name, was.firstSeen()),
                    known.memberships());
        }
        return known;
    }

    /** The person and their live memberships in one query (this runs on every authenticated request). */
    private Known known(String country, String personalCode) {
        List<Object[]> rows = tx.inTransaction(em -> em.createQuery(
                "select p, m from PersonEntity p left join MembershipEntity m on m.personId = p.id"
                        + " and m.revokedAt is null where p.country = :country and p.personalCode = :code",
                Object[].class).setParameter("country", country).setParameter("code", personalCode).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        PersonRow person = ((PersonEntity) rows.get(0)[0]).toRow();
        List<MembershipRow> memberships = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                memberships.add(((MembershipEntity) row[1]).toRow());
            }
        }
        return new Known(person, memberships);
    }

    @Override
    public PersonRow findOrCreate(String country, String personalCode, String name, Instant now) {
        Optional<PersonRow> found = byCode(country, personalCode);
        if (found.isPresent()) {
            return found.get();
        }
        PersonRow fresh = new PersonRow(UUID.randomUUID().toString(), country, personalCode, name, now);
        try {
            return tx.inTransaction(em -> {
                em.persist(new PersonEntity(fresh));
                em.flush();
                return fresh;
            });
        } catch (PersistenceException e) {
            // Another node recorded the same person between the look-up and this insert: the unique constraint
            // on (country, personal_code) let only one row in, and that one is the person.
            return byCode(country, personalCode).orElseThrow(() -> e);
        }
    }

    private Optional<PersonRow> byCode(String country, String personalCode) {
        return tx.inTransaction(em -> em.createQuery(
                "select p from PersonEntity p where p.country = :country and p.personalCode = :code",
                PersonEntity.class).setParameter("country", country).setParameter("code", personalCode)
                .getResultList().stream().findFirst().map(PersonEntity::toRow));
    }

    @Override
    public Optional<PersonRow> person(String id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(PersonEntity.class, id)).map(PersonEntity::toRow));
    }

    @Override
    public MembershipRow grant(MembershipRow membership, AccessAuditRow audit) {
        return tx.inTransaction(em -> {
            em.persist(new MembershipEntity(membership));
            em.persist(new AccessAuditEntity(audit));
            em.flush();
            return membership;
        });
    }

    @Override
    public Optional<MembershipRow> membership(String id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(MembershipEntity.class, id))
                .map(MembershipEntity::toRow));
    }

    @Override
    public MembershipRow revoke(String id, String revokedBy, Instant at, AccessAuditRow audit) {
        return revokeOnce(MembershipEntity.class, id, MembershipEntity::revoked, e -> e.revoke(revokedBy, at),
                MembershipEntity::toRow, audit);
    }

    @Override
    public List<MembershipRow> memberships(String organization) {
        return tx.inTransaction(em -> em.createQuery("select m from MembershipEntity m where m.organization = :o"
                + " order by m.grantedAt desc", MembershipEntity.class).setParameter("o", organization)
                .getResultList().stream().map(MembershipEntity::toRow).toList());
    }

    @Override
    public MandateRow grant(MandateRow mandate, AccessAuditRow audit) {
        return tx.inTransaction(em -> {
            em.persist(new MandateEntity(mandate));
            em.persist(new AccessAuditEntity(audit));
            em.flush();
            return mandate;
        });
    }

    @Override
    public Optional<MandateRow> mandate(String id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(MandateEntity.class, id)).map(MandateEntity::toRow));
    }

    @Override
    public MandateRow revokeMandate(String id, String revokedBy, Instant at, AccessAuditRow audit) {
        return revokeOnce(MandateEntity.class, id, MandateEntity::revoked, e -> e.revoke(revokedBy, at),
                MandateEntity::toRow, audit);
    }

    /** Revokes under a row lock, so that two revocations at once write one audit line, not two. */
    private <E, R> R revokeOnce(Class<E> type, String id, Function<E, Boolean> revoked,
            java.util.function.Consumer<E> revoke, Function<E, R> toRow, AccessAuditRow audit) {
        return tx.inTransaction(em -> {
            E entity = em.find(type, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            Objects.requireNonNull(entity, "no such row");
            if (!revoked.apply(entity)) {
                revoke.accept(entity);
                em.persist(new AccessAuditEntity(audit));
                em.flush();
            }
            return toRow.apply(entity);
        });
    }

    @Override
    public List<MandateRow> mandatesGiven(String grantor) {
        return tx.inTransaction(em -> em.createQuery("select m from MandateEntity m where m.grantor = :g"
                + " order by m.grantedAt desc", MandateEntity.class).setParameter("g", grantor).getResultList()
                .stream().map(MandateEntity::toRow).toList());
    }

    @Override
    public List<MandateRow> mandatesHeld(String grantee, LocalDate day) {
        return tx.inTransaction(em -> em.createQuery("select m from MandateEntity m where m.grantee = :g"
                + " and m.revokedAt is null and m.validUntil >= :day order by m.grantedAt desc", MandateEntity.class)
                .setParameter("g", grantee).setParameter("day", day).getResultList().stream()
                .map(MandateEntity::toRow).toList());
    }

    @Override
    public void audit(AccessAuditRow line) {
        tx.inTransaction(em -> {
            em.persist(new AccessAuditEntity(line));
            return null;
        });
    }

    @Override
    public List<AccessAuditRow> accessAudit(String organization, int limit) {
        return tx.inTransaction(em -> em.createQuery("select a from AccessAuditEntity a where a.organization = :o"
                + " order by a.at desc", AccessAuditEntity.class).setParameter("o", organization)
                .setMaxResults(limit).getResultList().stream().map(AccessAuditEntity::toRow).toList());
    }

    @Override
    public List<AccessAuditRow> accessAuditAbout(List<String> ids, int limit) {
        return tx.inTransaction(em -> em.createQuery("select a from AccessAuditEntity a where a.subject in :ids"
                + " or a.actor in :ids order by a.at desc", AccessAuditEntity.class).setParameter("ids", ids)
                .setMaxResults(limit).getResultList().stream().map(AccessAuditEntity::toRow).toList());
    }

    @Override
    public List<AccessAuditRow> accessAuditOf(String applicationId) {
        return tx.inTransaction(em -> em.createQuery("select a from AccessAuditEntity a where a.applicationId = :id"
                + " order by a.at", AccessAuditEntity.class).setParameter("id", applicationId).getResultList()
                .stream().map(AccessAuditEntity::toRow).toList());
    }

}
