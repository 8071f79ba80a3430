package org.raekoda.engine.internal.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.raekoda.store.spi.OrganizationStore;

class ZoneLayerCacheTest {

    /** A square with many vertices along its edge, so that its weight is easy to tell apart. */
    private static String layer(int vertices) {
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < vertices - 1; i++) {
            double angle = 2 * Math.PI * i / (vertices - 1);
            ring.append('[').append(26.7 + 0.01 * Math.cos(angle)).append(',').append(58.37 + 0.01 * Math.sin(angle))
                    .append("],");
        }
        return ring.append("[26.71,58.37]]]}").toString();
    }

    /** An organization store that holds layers as a real one does: by name, with the time each was loaded. */
    private static OrganizationStore layers(Map<String, String> geoJson, Map<String, Instant> loadedAt) {
        return (OrganizationStore) java.lang.reflect.Proxy.newProxyInstance(OrganizationStore.class.getClassLoader(),
                new Class<?>[] {OrganizationStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "zoneLayerVersions" -> new TreeMap<>(loadedAt);
                    case "zoneLayer" -> Optional.ofNullable(geoJson.get((String) args[1]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theBudgetIsKeptByWeightNotByCount() {
        Map<String, String> geoJson = new TreeMap<>();
        Map<String, Instant> loadedAt = new TreeMap<>();
        for (String name : new String[] {"a", "b", "c"}) {
            geoJson.put(name, layer(5_000));
            loadedAt.put(name, Instant.parse("2026-12-01T10:00:00Z"));
        }
        ZoneLayerCache cache = ZoneLayerCache.ofMegabytes(1);
        OrganizationStore store = layers(geoJson, loadedAt);

        assertEquals(3, cache.layers(store, "tartu").size(), "every layer is given, cached or not");
        long oneLayer = ZoneLayerCache.BYTES_PER_GEOMETRY + ZoneLayerCache.BYTES_PER_VERTEX * 5_000;
        assertTrue(cache.weight() <= 1024 * 1024, "weight " + cache.weight() + " within the budget");
        assertTrue(cache.weight() >= oneLayer, "the newest layer stays");
    }

    @Test
    void aLayerLargerThanTheBudgetIsStillAnswered() {
        ZoneLayerCache cache = ZoneLayerCache.ofMegabytes(1);
        OrganizationStore store = layers(Map.of("big", layer(20_000)),
                Map.of("big", Instant.parse("2026-12-01T10:00:00Z")));
        assertEquals(1, cache.layers(store, "tartu").size());
        assertEquals(1, cache.layers(store, "tartu").size());
    }
}
