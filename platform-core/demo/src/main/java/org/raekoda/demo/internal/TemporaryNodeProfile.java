package org.raekoda.demo.internal;

import org.osgi.service.component.annotations.Component;
import org.raekoda.api.node.NodeProfile;

/**
 * TEMPORARY, until helper A's NodeProfile component is merged: delete this class then. Reads the same
 * environment variables the distribution's configuration reads; ranked below any real implementation.
 */
@Component(service = NodeProfile.class, property = "service.ranking:Integer=-1000")
public final class TemporaryNodeProfile implements NodeProfile {

    @Override
    public String name() {
        String profile = System.getenv("RAEKODA_PROFILE");
        return profile == null ? "production" : profile;
    }

    @Override
    public boolean development() {
        return "development".equals(System.getenv("RAEKODA_PROFILE"));
    }

    @Override
    public boolean embeddedDatabase() {
        String url = System.getenv("RAEKODA_DB_URL");
        return url == null || url.isEmpty() || url.startsWith("jdbc:h2:file:");
    }

    @Override
    public boolean developmentShortcuts() {
        return development() && embeddedDatabase();
    }
}
