package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.persistence.PersistenceException;

/**
 * Reads the installation row, creating it on the very first start. When two nodes start together
 * on an empty database, one insert wins and the other node reads the winner's row.
 */
final class InstallationStore {

    private final Transactions transactions;

    InstallationStore(Transactions transactions) {
        this.transactions = transactions;
    }

    Installation loadOrCreate() {
        Installation existing = find();
        if (existing != null) {
            return existing;
        }
        try {
            transactions.inTransaction(em -> {
                em.persist(new InstallationEntity(UUID.randomUUID().toString(),
                        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
                em.flush();
                return null;
            });
        } catch (PersistenceException raceLost) {
            // Another node created the row between our read and our insert: theirs is the installation.
        }
        Installation created = find();
        if (created == null) {
            throw new IllegalStateException("installation row missing after insert");
        }
        return created;
    }

    private Installation find() {
        return transactions.inTransaction(em -> {
            InstallationEntity entity = em.find(InstallationEntity.class, InstallationEntity.SINGLETON_KEY);
            return entity == null ? null : new Installation(entity.installationId(), entity.createdAt());
        });
    }
}
