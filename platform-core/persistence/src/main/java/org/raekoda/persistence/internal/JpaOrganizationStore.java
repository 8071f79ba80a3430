package org.raekoda.persistence.internal;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.SettingsRow;

/** Organizations, their e-service settings and the remembered e-service definitions. */
@Component(service = OrganizationStore.class)
public final class JpaOrganizationStore implements OrganizationStore {

    private final Transactions tx;

    @Activate
    public JpaOrganizationStore(@Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa) {
        this(Transactions.of(jpa));
    }

    /**
     * Outside OSGi (tests, tools): transactions from a plain EntityManagerFactory. A factory, not a second public
     * constructor: Felix SCR logs an ERROR for every public one-argument constructor it cannot inject.
     */
    public static JpaOrganizationStore over(Transactions tx) {
        return new JpaOrganizationStore(tx);
    }

    JpaOrganizationStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<OrganizationRow> find(String id) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(OrganizationEntity.class, id))
                .map(OrganizationEntity::toRow));
    }

    @Override
    public List<OrganizationRow> all() {
        return tx.inTransaction(em -> em.createQuery("select o from OrganizationEntity o order by o.id",
                OrganizationEntity.class).getResultList().stream().map(OrganizationEntity::toRow).toList());
    }

    @Override
    public OrganizationRow save(OrganizationRow organization) {
        return tx.inTransaction(em -> {
            OrganizationEntity entity = em.find(OrganizationEntity.class, organization.id());
            if (entity == null) {
                entity = new OrganizationEntity(organization);
                em.persist(entity);
            } else {
                entity.update(organization);
            }
            return entity.toRow();
        });
    }

    @Override
    public Optional<SettingsRow> settings(String organization, String service) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(ServiceSettingsEntity.class,
                new ServiceSettingsEntity.Key(organization, service))).map(ServiceSettingsEntity::toRow));
    }

    @Override
    public List<SettingsRow> settingsOf(String organization) {
        return tx.inTransaction(em -> em.createQuery(
                "select s from ServiceSettingsEntity s where s.organization = :organization order by s.service",
                ServiceSettingsEntity.class).setParameter("organization", organization).getResultList().stream()
                .map(ServiceSettingsEntity::toRow).toList());
    }

    @Override
    public SettingsRow save(SettingsRow settings) {
        return tx.inTransaction(em -> {
            ServiceSettingsEntity entity = em.find(ServiceSettingsEntity.class,
                    new ServiceSettingsEntity.Key(settings.organization(), settings.service()));
            if (entity == null) {
                entity = new ServiceSettingsEntity(settings);
                em.persist(entity);
            } else {
                entity.update(settings);
            }
            return entity.toRow();
        });
    }

    @Override
    public void rememberDefinition(String service, String version, String definitionJson) {
        tx.inTransaction(em -> {
            DefinitionEntity entity = em.find(DefinitionEntity.class, new DefinitionEntity.Key(service, version));
            if (entity == null) {
                em.persist(new DefinitionEntity(service, version, definitionJson));
            } else if (!entity.json().equals(definitionJson)) {
                entity.json(definitionJson);
            }
            return null;
        });
    }

    @Override
    public Optional<String> definition(String service, String version) {
        return tx.inTransaction(em -> Optional.ofNullable(em.find(DefinitionEntity.class,
                new DefinitionEntity.Key(service, version))).map(DefinitionEntity::json));
    }

    @Override
    public void saveZoneLayer(String organization, String name, String geoJson) {
        tx.inTransaction(em -> {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            ZoneLayerEntity entity = em.find(ZoneLayerEntity.class, new ZoneLayerEntity.Key(organization, name));
            if (entity == null) {
                em.persist(new ZoneLayerEntity(organization, name, geoJson, now));
            } else {
                entity.replace(geoJson, now);
            }
            return null;
        });
    }

    @Override
    public java.util.Map<String, java.time.Instant> zoneLayerVersions(String organization) {
        return tx.inTransaction(em -> {
            java.util.Map<String, java.time.Instant> versions = new java.util.TreeMap<>();
            em.createQuery("select z.name, z.updatedAt from ZoneLayerEntity z where z.organization = :organization",
                    Object[].class).setParameter("organization", organization).getResultList()
                    .forEach(row -> versions.put((String) row[0], ((java.time.OffsetDateTime) row[1]).toInstant()));
            return versions;
        });
    }

    @Override
    public java.util.Optional<String> zoneLayer(String organization, String name) {
        return tx.inTransaction(em -> java.util.Optional.ofNullable(
                em.find(ZoneLayerEntity.class, new ZoneLayerEntity.Key(organization, name))).map(ZoneLayerEntity::geoJson));
    }
}
