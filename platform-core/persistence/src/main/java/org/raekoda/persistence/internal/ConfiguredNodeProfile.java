package org.raekoda.persistence.internal;

import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.node.NodeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's profile from {@code org.raekoda.node}, and whether its database is the embedded one, read from
 * the JDBC URL of the DataSource the platform actually uses (pax-jdbc-config publishes it as the service
 * property {@code url}). It lives beside the database because "embedded" is a fact about the database.
 */
@Component(configurationPid = "org.raekoda.node", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NodeConfig.class)
public final class ConfiguredNodeProfile implements NodeProfile {

    static final String DEVELOPMENT = "development";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredNodeProfile.class);

    private final String name;
    private final boolean embeddedDatabase;
    private final boolean sharedDatabaseAllowed;

    @Activate
    public ConfiguredNodeProfile(
            @Reference(name = "dataSource", service = DataSource.class, target = "(dataSourceName=raekoda)")
            Map<String, Object> dataSource, NodeConfig config) {
        this(config.profile(), embedded(dataSource.get("url")), config.allowDevelopmentIdentityOnSharedDatabase());
        if (developmentShortcuts()) {
            LOG.warn("DEVELOPMENT profile on {} database: development shortcuts are on (callers name themselves in a "
                    + "header). Never run a node that serves people like this.", embeddedDatabase ? "the embedded"
                            : "a SHARED");
        } else if (development()) {
            LOG.warn("Profile is development but the database is shared: development shortcuts stay off "
                    + "(allowDevelopmentIdentityOnSharedDatabase is not set)");
        } else {
            LOG.info("Node profile {}: development shortcuts are off", name);
        }
    }

    ConfiguredNodeProfile(String profile, boolean embeddedDatabase, boolean sharedDatabaseAllowed) {
        // Karaf writes an unset ${env:NAME} as an empty string: that is "not configured", so the typed default.
        this.name = profile == null || profile.isBlank() ? NodeConfig.PRODUCTION : profile;
        this.embeddedDatabase = embeddedDatabase;
        this.sharedDatabaseAllowed = sharedDatabaseAllowed;
    }

    /**
     * An H2 database opened in this process (a file or in memory). H2 reached over TCP or SSL, or a file that
     * other processes may open too (AUTO_SERVER), is shared; so is every other database.
     */
    static boolean embedded(Object jdbcUrl) {
        if (!(jdbcUrl instanceof String)) {
            return false;
        }
        String url = ((String) jdbcUrl).toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.replace(" ", "").contains("auto_server=true");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean development() {
        return DEVELOPMENT.equals(name);
    }

    @Override
    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    @Override
    public boolean developmentShortcuts() {
        return development() && (embeddedDatabase || sharedDatabaseAllowed);
    }
}
