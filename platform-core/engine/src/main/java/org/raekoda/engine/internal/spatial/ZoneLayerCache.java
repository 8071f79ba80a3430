package org.raekoda.engine.internal.spatial;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.raekoda.store.spi.OrganizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parsed, prepared zone layers, so that a submission does not read and parse every layer's GeoJSON again.
 * Entries are keyed by organization, layer and the time the layer was loaded, which the database holds:
 * a layer replaced through another node has a new key, so nodes never need to agree on what they cache.
 * The cache is bounded by an estimate of the memory its geometries take, not by a count of layers: one
 * detailed cadastral layer can weigh as much as a thousand simple zones. Least recently used entries go
 * first when the estimate passes the budget.
 */
public final class ZoneLayerCache {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneLayerCache.class);
    private static final PreparedGeometryFactory PREPARED = new PreparedGeometryFactory();

    /**
     * Heap taken by one vertex of a prepared geometry, estimated: the coordinate (40 bytes), its reference, and
     * the indexes JTS builds for repeated intersection tests, which are of the same order again.
     */
    static final long BYTES_PER_VERTEX = 160;
    /** Heap taken by a geometry whatever its size: the objects around the coordinates. */
    static final long BYTES_PER_GEOMETRY = 1024;

    private final long budget;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private record Key(String organization, String layer, Instant loadedAt) {
    }

    private record Entry(PreparedGeometry layer, long weight) {
    }

    private ZoneLayerCache(long budget) {
        this.budget = budget;
    }

    /** A cache whose geometries are estimated to take at most {@code megabytes} of heap. */
    public static ZoneLayerCache ofMegabytes(long megabytes) {
        return new ZoneLayerCache(megabytes * 1024 * 1024);
    }

    /** The estimated heap a prepared layer takes. */
    static long weigh(PreparedGeometry layer) {
        return BYTES_PER_GEOMETRY + BYTES_PER_VERTEX * layer.getGeometry().getNumPoints();
    }

    /** The estimated heap the cached layers take now. */
    public synchronized long weight() {
        return weight;
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
        Entry entry = entries.get(key);
        return entry == null ? null : entry.layer();
    }

    private synchronized void keep(Key key, PreparedGeometry layer) {
        Entry entry = new Entry(layer, weigh(layer));
        Entry previous = entries.put(key, entry);
        weight += entry.weight() - (previous == null ? 0 : previous.weight());
        for (var eldest = entries.entrySet().iterator(); weight > budget && eldest.hasNext();) {
            Map.Entry<Key, Entry> next = eldest.next();
            if (next.getKey().equals(key)) {
                continue; // the one just asked for stays, even when it alone passes the budget
            }
            weight -= next.getValue().weight();
            eldest.remove();
        }
    }

    private PreparedGeometry load(OrganizationStore store, Key key) {
        String geoJson = store.zoneLayer(key.organization(), key.layer()).orElse(null);
        if (geoJson == null) {
            return null; // removed since the versions were read
        }
        try {
            PreparedGeometry layer = PREPARED.create(Spatial.read(geoJson));
            keep(key, layer);
            return layer;
        } catch (ParseException | RuntimeException e) {
            // Layers are checked when loaded; one that no longer parses decides nothing, so criteria on it
            // see no value and send applications to an officer.
            LOG.warn("Zone layer {} of {} cannot be read: {}", key.layer(), key.organization(), e.getMessage());
            return null;
        }
    }
}
