package org.raekoda.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the database side of a node: it migrates the schema as soon as the database answers
 * (retrying while it does not, so a node started before its database heals by itself), reads the
 * installation's identity, and reports the database's health.
 */
@Component(service = HealthContributor.class, configurationPid = "org.raekoda.persistence",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public final class DatabaseLifecycle implements HealthContributor {

    static final String NAME = "database";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseLifecycle.class);

    private final DataSource dataSource;
    private final InstallationStore installations;
    private final int validationTimeoutSeconds;
    private final ScheduledExecutorService scheduler;
    private final ScheduledFuture<?> migrations;

    private volatile Installation installation;
    private volatile int changeSetsRun;
    private volatile String lastFailure = "not attempted yet";

    @Activate
    public DatabaseLifecycle(@Reference(name = "dataSource") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=raekoda)") JpaTemplate jpa, DatabaseConfig config) {
        this(dataSource, new InstallationStore(Transactions.of(jpa)), config.migrationRetrySeconds(),
                config.validationTimeoutSeconds());
    }

    DatabaseLifecycle(DataSource dataSource, InstallationStore installations, int retrySeconds,
            int validationTimeoutSeconds) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.installations = installations;
        this.validationTimeoutSeconds = validationTimeoutSeconds;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "raekoda-schema-migration");
            thread.setDaemon(true);
            return thread;
        });
        this.migrations = scheduler.scheduleWithFixedDelay(this::migrateUntilReady, 0, retrySeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    /** True once the schema is current and the installation is known. */
    boolean isReady() {
        return installation != null;
    }

    private void migrateUntilReady() {
        try {
            changeSetsRun = SchemaMigrator.migrate(dataSource);
            installation = installations.loadOrCreate();
            lastFailure = null;
            LOG.info("Database schema is current ({} change sets); installation {}", changeSetsRun,
                    installation.id());
            migrations.cancel(false);
        } catch (SQLException | SchemaMigrator.MigrationException | RuntimeException e) {
            String reason = SchemaMigrator.rootMessage(e);
            if (!reason.equals(lastFailure)) {
                LOG.warn("Database not ready, will retry: {}", reason);
                LOG.debug("Database not ready", e);
            }
            lastFailure = reason;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ComponentHealth check() {
        Installation known = installation;
        if (known == null) {
            return ComponentHealth.down(NAME, "schema not migrated yet: " + lastFailure);
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(validationTimeoutSeconds)) {
                return ComponentHealth.down(NAME, "connection did not validate within " + validationTimeoutSeconds + " s");
            }
            DatabaseMetaData meta = connection.getMetaData();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("product", meta.getDatabaseProductName());
            facts.put("version", meta.getDatabaseProductVersion());
            facts.put("changeSets", changeSetsRun);
            facts.put("installationId", known.id());
            facts.put("installedAt", known.createdAt().toString());
            return ComponentHealth.up(NAME, "connected", facts);
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down(NAME, "cannot connect: " + SchemaMigrator.rootMessage(e));
        }
    }
}
