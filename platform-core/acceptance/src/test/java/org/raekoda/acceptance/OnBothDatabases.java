package org.raekoda.acceptance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests run once on PostgreSQL and once on H2, each on a platform started once for the
 * class: parameterize a test with {@code @MethodSource("databases")} and take its platform from
 * {@link #platforms}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnBothDatabases {

    protected final Map<String, Platform> platforms = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        for (String database : List.of("PostgreSQL", "H2")) {
            platforms.put(database, Platform.on(database));
        }
    }

    @AfterAll
    void stop() {
        platforms.values().forEach(Platform::close);
    }

    Stream<String> databases() {
        return platforms.keySet().stream();
    }
}
