package org.raekoda.engine.internal.eservice;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.engine.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live catalogue: an extender that reads the definition file named by each active bundle's
 * {@code Raekoda-EService} header (several files may be listed, comma-separated), and forgets the
 * e-services when the bundle stops. Every definition seen is also kept in the database, so that
 * applications made against it stay readable after the bundle is gone.
 */
@Component(service = Catalogue.class, immediate = true)
public final class CatalogueImpl implements Catalogue {

    public static final String HEADER = "Raekoda-EService";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueImpl.class);

    private final Map<String, EServiceDefinition> live = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> byBundle = new ConcurrentHashMap<>();
    private final DefinitionReader reader = new DefinitionReader();
    private final OrganizationStore store;
    private final BundleTracker<Bundle> tracker;

    @Activate
    public CatalogueImpl(BundleContext context, @Reference OrganizationStore store) {
        this.store = store;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders().get(HEADER);
                if (header == null) {
                    return null;
                }
                register(bundle, header);
                return bundle;
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                unregister(bundle.getBundleId());
            }
        };
        tracker.open();
    }

    /** Outside OSGi (tests, tools): definitions are added with {@link #add}. */
    public CatalogueImpl(OrganizationStore store) {
        this.store = store;
        this.tracker = null;
    }

    @Deactivate
    void deactivate() {
        if (tracker != null) {
            tracker.close();
        }
    }

    private void register(Bundle bundle, String header) {
        List<String> ids = new ArrayList<>();
        for (String path : header.split(",")) {
            String file = path.trim();
            URL url = bundle.getEntry(file);
            if (url == null) {
                LOG.error("Bundle {} names e-service definition {} but has no such file", bundle.getSymbolicName(), file);
                continue;
            }
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            try (InputStream in = url.openStream()) {
                EServiceDefinition definition = reader.read(in, relative -> bundle.getEntry(folder + relative));
                add(definition);
                ids.add(definition.id());
            } catch (IOException | RuntimeException e) {
                LOG.error("E-service definition {} of bundle {} refused: {}", file, bundle.getSymbolicName(),
                        e.getMessage());
            }
        }
        byBundle.put(bundle.getBundleId(), ids);
    }

    private void unregister(long bundleId) {
        List<String> ids = byBundle.remove(bundleId);
        if (ids != null) {
            ids.forEach(id -> {
                live.remove(id);
                LOG.info("E-service {} left the catalogue", id);
            });
        }
    }

    /** Puts a definition in the catalogue and keeps a copy in the database. */
    public void add(EServiceDefinition definition) {
        EServiceDefinition previous = live.putIfAbsent(definition.id(), definition);
        if (previous != null && !previous.version().equals(definition.version())) {
            LOG.warn("E-service {} {} replaces version {}", definition.id(), definition.version(), previous.version());
            live.put(definition.id(), definition);
        }
        try {
            store.rememberDefinition(definition.id(), definition.version(), Json.write(definition));
        } catch (RuntimeException e) {
            // The database may be away; the catalogue still works, and the copy is written on next start.
            LOG.warn("Could not keep a copy of e-service {} {}: {}", definition.id(), definition.version(),
                    e.getMessage());
        }
        LOG.info("E-service {} {} joined the catalogue", definition.id(), definition.version());
    }

    @Override
    public List<EServiceDefinition> all() {
        return live.values().stream().sorted(Comparator.comparing(EServiceDefinition::id)).toList();
    }

    @Override
    public Optional<EServiceDefinition> find(String serviceId) {
        return Optional.ofNullable(live.get(serviceId));
    }

    @Override
    public Optional<EServiceDefinition> find(String serviceId, String version) {
        EServiceDefinition current = live.get(serviceId);
        if (current != null && current.version().equals(version)) {
            return Optional.of(current);
        }
        return store.definition(serviceId, version).map(DefinitionReader::fromStored);
    }
}
