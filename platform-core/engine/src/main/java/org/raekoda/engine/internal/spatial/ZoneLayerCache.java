package org.raekoda.engine.internal.spatial;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.raekoda.api.store.OrganizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed, prepared zone layers, so that a submission does not read and parse every layer's GeoJSON again.
 * Entries are keyed by organization, layer and the time the layer was loaded, which the database holds:
 * a layer replaced through another node has a new key, so nodes never need to agree on what they cache.
 * Least recently used entries go first when the cache is full.
 */
public final class ZoneLayerCache {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneLayerCache.class);
    private static final PreparedGeometryFactory PREPARED = new PreparedGeometryFactory();

    private final Map<Key, PreparedGeometry> entries;

    private record Key(String organization, String layer, Instant loadedAt) {
    }

    public ZoneLayerCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PreparedGeometry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The organization's layers as they are in the database now, by name. */
    public Map<String, PreparedGeometry> layers(OrganizationStore store, String organization) {
        Map<String, PreparedGeometry> layers = new TreeMap<>();
        for (Map.Entry<String, Instant> version : store.zoneLayerVersions(organization).entrySet()) {
            Key key = new Key(organization, version.getKey(), version.getValue());
            PreparedGeometry layer = cached(key);
            if (layer == null) {
                layer = load(store, key);
            }
            if (layer != null) {
                layers.put(key.layer(), layer);
            }
        }
        return layers;
    }

    private synchronized PreparedGeometry cached(Key key) {
        return entries.get(key);
    }

    private PreparedGeometry load(OrganizationStore store, Key key) {
        String geoJson = store.zoneLayer(key.organization(), key.layer()).orElse(null);
        if (geoJson == null) {
            return null; // removed since the versions were read
        }
        try {
            PreparedGeometry layer = PREPARED.create(Spatial.read(geoJson));
            synchronized (this) {
                entries.put(key, layer);
            }
            return layer;
        } catch (ParseException | RuntimeException e) {
            // Layers are checked when loaded; one that no longer parses decides nothing, so criteria on it
            // see no value and send applications to an officer.
            LOG.warn("Zone layer {} of {} cannot be read: {}", key.layer(), key.organization(), e.getMessage());
            return null;
        }
    }
}
