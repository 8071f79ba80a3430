package org.raekoda.engine.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthContributor;
import org.raekoda.api.health.HealthReport;
import org.raekoda.api.health.HealthStatus;

class HealthServiceImplTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final CountDownLatch never = new CountDownLatch(1);
    private final HealthServiceImpl health = new HealthServiceImpl(
            () -> ComponentHealth.up("bundles", "all active", Map.of()), List.of("database", "camel"), 500, CLOCK);

    @AfterEach
    void release() {
        never.countDown();
        health.deactivate();
    }

    @Test
    void upWhenEveryRequiredComponentIsUp() {
        health.addContributor(contributor("database", () -> ComponentHealth.up("database", "connected", Map.of())));
        health.addContributor(contributor("camel", () -> ComponentHealth.up("camel", "started", Map.of())));

        HealthReport report = health.check();

        assertEquals(HealthStatus.UP, report.status());
        assertEquals(List.of("bundles", "camel", "database"),
                report.components().stream().map(ComponentHealth::name).toList());
        assertEquals(CLOCK.instant(), report.checkedAt());
    }

    @Test
    void aMissingContributorMakesTheNodeDownAndSaysWhich() {
        health.addContributor(contributor("camel", () -> ComponentHealth.up("camel", "started", Map.of())));

        HealthReport report = health.check();

        assertEquals(HealthStatus.DOWN, report.status());
        ComponentHealth database = report.component("database").orElseThrow();
        assertEquals(HealthStatus.DOWN, database.status());
        assertTrue(database.detail().contains("not registered"));
    }

    @Test
    void aCheckThatThrowsIsDownWithItsMessage() {
        health.addContributor(contributor("database", () -> {
            throw new IllegalStateException("pool exhausted");
        }));
        health.addContributor(contributor("camel", () -> ComponentHealth.up("camel", "started", Map.of())));

        ComponentHealth database = health.check().component("database").orElseThrow();

        assertEquals(HealthStatus.DOWN, database.status());
        assertEquals("IllegalStateException: pool exhausted", database.detail());
    }

    @Test
    void aCheckThatHangsIsDownAfterTheTimeLimitAndDoesNotHoldUpTheOthers() {
        health.addContributor(contributor("database", () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ComponentHealth.up("database", "too late", Map.of());
        }));
        health.addContributor(contributor("camel", () -> ComponentHealth.up("camel", "started", Map.of())));

        HealthReport report = health.check();

        assertFalse(report.isUp());
        assertEquals("no answer within 500 ms", report.component("database").orElseThrow().detail());
        assertTrue(report.component("camel").orElseThrow().isUp());
    }

    @Test
    void aRemovedContributorIsNoLongerAsked() {
        HealthContributor camel = contributor("camel", () -> ComponentHealth.up("camel", "started", Map.of()));
        health.addContributor(camel);
        health.removeContributor(camel);

        assertTrue(health.check().component("camel").orElseThrow().detail().contains("not registered"));
    }

    private static HealthContributor contributor(String name, java.util.function.Supplier<ComponentHealth> check) {
        return new HealthContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ComponentHealth check() {
                return check.get();
            }
        };
    }
}
