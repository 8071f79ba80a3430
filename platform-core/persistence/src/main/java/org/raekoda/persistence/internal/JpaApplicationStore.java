package org.raekoda.persistence.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.ResourceClaim;
import org.raekoda.store.spi.StaleVersionException;

/** Applications, decisions and audit lines in the database, through EclipseLink. */
@Component(service = ApplicationStore.class)
public final class JpaApplicationStore implements ApplicationStore {

    private final Transactions tx;
    private final FootprintIndex index = new FootprintIndex();

    @Activate
    public JpaApplicationStore(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaApplicationStore over(Transactions tx) {
        return new JpaApplicationStore(tx);
    }

    JpaApplicationStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ApplicationRow> find(String id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(ApplicationEntity.class, id)).map(ApplicationEntity::toRow));
    }

    @Override
    public ApplicationRow insert(ApplicationRow row, List<DecisionRow> decisions, List<AuditRow> audit,
            Set<String> occupantsSeen, org.raekoda.store.spi.Effects effects) {
        requireNoEffects(effects);
        if (row.idempotencyKey() != null) {
            Optional<ApplicationRow> existing = findByIdempotencyKey(row.applicant(), row.idempotencyKey());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        try {
            return tx.inTransaction(em -> {
                // First: inserting the row takes PostgreSQL's key-share lock on the organization (the foreign
                // key), and taking the update lock after it would deadlock two such transactions.
                if (occupantsSeen != null && (row.occupancy() != null || row.claim() != null)
                        && "ISSUED".equals(row.state())) {
                    checkOccupantsUnchanged(em, index, row, occupantsSeen);
                }
                ApplicationEntity entity = new ApplicationEntity(row);
                entity.issuedIfFirst(row.updatedAt(), () -> zoneOf(em, row.organization()));
                em.persist(entity);
                em.flush();
                decisions.forEach(d -> em.persist(new DecisionEntity(d)));
                appendAudit(em, audit);
                em.flush();
                return entity.toRow();
            });
        } catch (PersistenceException e) {
            // Two requests with the same key raced: the unique constraint let one in; return that one.
            if (row.idempotencyKey() != null) {
                Optional<ApplicationRow> winner = findByIdempotencyKey(row.applicant(), row.idempotencyKey());
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        }
    }

    /**
     * Serializes the issuance of occupying and claiming permits per organization with a row lock on the
     * organization (SELECT … FOR UPDATE on PostgreSQL and H2 alike, held until commit), then compares the
     * candidates (same place and time, same resource) with those the decision saw. Read committed: after the lock is granted, the query sees every permit
     * committed by the transaction that held it before.
     */
    private static void checkOccupantsUnchanged(EntityManager em, FootprintIndex index, ApplicationRow row,
            Set<String> occupantsSeen) {
        OrganizationEntity organization = em.find(OrganizationEntity.class, row.organization(),
                LockModeType.PESSIMISTIC_WRITE);
        if (organization == null) {
            throw new IllegalStateException("organization " + row.organization() + " does not exist");
        }
        List<String> inTheWay = new java.util.ArrayList<>();
        if (row.occupancy() != null) {
            inTheWay.addAll(occupyingIds(em, index, row.organization(), row.occupancy()));
        }
        if (row.claim() != null) {
            claiming(em, row.organization(), row.claim()).forEach(holder -> inTheWay.add(holder.toRow().id()));
        }
        for (String occupant : inTheWay) {
            if (!occupantsSeen.contains(occupant)) {
                throw new StaleVersionException("another permit was issued for the same place, time or resource"
                        + " meanwhile");
            }
        }
    }

    @Override
    public List<ApplicationRow> issuedClaiming(String organization, ResourceClaim claim) {
        return tx.inTransaction(em -> claiming(em, organization, claim).stream().map(ApplicationEntity::toRow)
                .toList());
    }

    private static List<ApplicationEntity> claiming(EntityManager em, String organization, ResourceClaim claim) {
        return em.createQuery("select a from ApplicationEntity a where a.organization = :organization"
                + " and a.claimKind = :kind and a.claimResource = :resource and a.state = 'ISSUED'"
                + " and a.claimedFrom <= :until and a.claimedUntil >= :from order by a.submittedAt",
                ApplicationEntity.class)
                .setParameter("organization", organization).setParameter("kind", claim.kind())
                .setParameter("resource", claim.resource()).setParameter("from", claim.from())
                .setParameter("until", claim.until()).getResultList();
    }

    @Override
    public List<ApplicationRow> issuedOccupying(String organization, Occupancy where) {
        return tx.inTransaction(em -> {
            List<String> ids = occupyingIds(em, index, organization, where);
            if (ids.isEmpty()) {
                return List.<ApplicationRow>of();
            }
            return em.createQuery("select a from ApplicationEntity a where a.id in :ids order by a.submittedAt",
                    ApplicationEntity.class).setParameter("ids", ids).getResultList().stream()
                    .map(ApplicationEntity::toRow).toList();
        });
    }

    /**
     * Ids of the organization's issued permits whose occupancy period overlaps {@code where}'s and whose box
     * intersects its box, found through the spatial index on the footprint (the box of the location, which is
     * the occupancy's box), then tested exactly on the occupancy's own columns, as the check always was.
     */
    private static List<String> occupyingIds(EntityManager em, FootprintIndex index, String organization,
            Occupancy where) {
        try {
            var connection = FootprintIndex.connection(em);
            FootprintIndex.Database database = index.database(connection);
            FootprintIndex.planForTheParameters(connection, database);
            String sql = "SELECT a.id FROM application a WHERE a.organization_id = ? AND a.state = 'ISSUED' AND "
                    + FootprintIndex.PUBLISHED_STATES + " AND " + FootprintIndex.intersectsIndexed(database)
                    + " AND a.occupied_from <= ? AND a.occupied_until >= ? AND " + FootprintIndex.exactly("bbox");
            return FootprintIndex.read(connection, database, () -> {
                try (var statement = connection.prepareStatement(sql)) {
                    int i = 1;
                    statement.setString(i++, organization);
                    i = FootprintIndex.bindIndexed(database, statement, i, where.west(), where.south(), where.east(),
                            where.north());
                    statement.setObject(i++, where.until());
                    statement.setObject(i++, where.from());
                    FootprintIndex.bindExactly(statement, i, where.west(), where.south(), where.east(), where.north());
                    List<String> ids = new java.util.ArrayList<>();
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getString(1));
                        }
                    }
                    return ids;
                }
            });
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("the clash check could not read the issued permits", e);
        }
    }

    /** The zone an organization counts its days in (the day a permit is issued on). */
    private static java.time.ZoneId zoneOf(EntityManager em, String organization) {
        OrganizationEntity entity = em.find(OrganizationEntity.class, organization);
        return entity == null ? java.time.ZoneOffset.UTC : entity.zone();
    }

    @Override
    public Optional<ApplicationRow> findByIdempotencyKey(String applicant, String key) {
        return tx.inTransaction(em -> em.createQuery(
                "select a from ApplicationEntity a where a.applicant = :applicant and a.idempotencyKey = :key",
                ApplicationEntity.class).setParameter("applicant", applicant).setParameter("key", key)
                .getResultList().stream().findFirst().map(ApplicationEntity::toRow));
    }

    @Override
    public ApplicationRow update(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit,
            org.raekoda.store.spi.Effects effects) {
        requireNoEffects(effects);
        try {
            return tx.inTransaction(em -> {
                ApplicationEntity entity = em.find(ApplicationEntity.class, changed.id());
                if (entity == null) {
                    throw new StaleVersionException("application " + changed.id() + " no longer exists");
                }
                if (entity.version() != expectedVersion) {
                    throw new StaleVersionException("application " + changed.id() + " is at version "
                            + entity.version() + ", not " + expectedVersion);
                }
                entity.update(changed);
                entity.issuedIfFirst(changed.updatedAt(), () -> zoneOf(em, entity.organization()));
                if (decision != null) {
                    em.persist(new DecisionEntity(decision));
                }
                if (audit != null) {
                    appendAudit(em, List.of(audit));
                }
                em.flush();
                return entity.toRow();
            });
        } catch (PersistenceException e) {
            if (isOptimisticLockFailure(e)) {
                throw new StaleVersionException("application " + changed.id() + " was changed by someone else");
            }
            throw e;
        }
    }

    /** The JPA exception or EclipseLink's own, anywhere in the chain: another transaction won. */
    private static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    private static void appendAudit(EntityManager em, List<AuditRow> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Integer last = em.createQuery("select max(a.seq) from AuditEntity a where a.applicationId = :id", Integer.class)
                .setParameter("id", lines.get(0).applicationId()).getSingleResult();
        int seq = last == null ? 0 : last;
        for (AuditRow line : lines) {
            em.persist(new AuditEntity(line, ++seq));
        }
    }

    @Override
    public List<ApplicationRow> byApplicant(String applicant) {
        return tx.inTransaction(em -> em.createQuery(
                "select a from ApplicationEntity a where a.applicant = :applicant order by a.submittedAt desc",
                ApplicationEntity.class).setParameter("applicant", applicant).getResultList().stream()
                .map(ApplicationEntity::toRow).toList());
    }

    @Override
    public List<ApplicationRow> byApplicants(List<String> applicants) {
        if (applicants.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(em -> em.createQuery(
                "select a from ApplicationEntity a where a.applicant in :applicants order by a.submittedAt desc",
                ApplicationEntity.class).setParameter("applicants", applicants).getResultList().stream()
                .map(ApplicationEntity::toRow).toList());
    }

    @Override
    public List<ApplicationRow> inStates(String organization, List<String> states, String service, String phase) {
        // Built per filter: PostgreSQL cannot type a null parameter in "(:p is null or ...)".
        String jpql = "select a from ApplicationEntity a where a.organization = :organization and a.state in :states"
                + (service != null ? " and a.service = :service" : "")
                + (phase != null ? " and a.phase = :phase" : "")
                + " order by a.deadline, a.submittedAt";
        return tx.inTransaction(em -> {
            var query = em.createQuery(jpql, ApplicationEntity.class).setParameter("organization", organization)
                    .setParameter("states", states);
            if (service != null) {
                query.setParameter("service", service);
            }
            if (phase != null) {
                query.setParameter("phase", phase);
            }
            return query.getResultList().stream().map(ApplicationEntity::toRow).toList();
        });
    }

    @Override
    public List<ApplicationRow> history(String organization, String service, int limit) {
        return tx.inTransaction(em -> em.createQuery(
                "select a from ApplicationEntity a where a.organization = :organization and a.service = :service"
                        + " and a.state <> 'DRAFT' order by a.submittedAt desc",
                ApplicationEntity.class).setParameter("organization", organization).setParameter("service", service)
                .setMaxResults(limit).getResultList().stream().map(ApplicationEntity::toRow).toList());
    }

    @Override
    public List<DecisionRow> decisions(String applicationId) {
        return tx.inTransaction(em -> em.createQuery(
                "select d from DecisionEntity d where d.applicationId = :id order by d.decidedAt, d.id",
                DecisionEntity.class).setParameter("id", applicationId).getResultList().stream()
                .map(DecisionEntity::toRow).toList());
    }

    @Override
    public List<AuditRow> audit(String applicationId) {
        return tx.inTransaction(em -> em.createQuery(
                "select a from AuditEntity a where a.applicationId = :id order by a.seq", AuditEntity.class)
                .setParameter("id", applicationId).getResultList().stream().map(AuditEntity::toRow).toList());
    }

    /** Until the integration tables exist (change set 014), no change may cause effects. */
    private static void requireNoEffects(org.raekoda.store.spi.Effects effects) {
        if (effects != null && !effects.equals(org.raekoda.store.spi.Effects.NONE)) {
            throw new UnsupportedOperationException("effects are not stored yet");
        }
    }
}
