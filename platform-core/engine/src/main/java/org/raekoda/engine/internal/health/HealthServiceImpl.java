package org.raekoda.engine.internal.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthContributor;
import org.raekoda.api.health.HealthReport;
import org.raekoda.api.health.HealthService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every registered {@link HealthContributor} in parallel with a time limit, so that a database
 * that hangs on connect makes the report say DOWN instead of making the caller hang.
 * Nothing is cached: each call checks again, which keeps nodes behind a load balancer honest.
 */
@Component(service = HealthService.class, configurationPid = "org.raekoda.health",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HealthConfig.class)
public final class HealthServiceImpl implements HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    private final List<HealthContributor> contributors = new CopyOnWriteArrayList<>();
    private final Supplier<ComponentHealth> bundleCheck;
    private final List<String> requiredComponents;
    private final long timeoutMillis;
    private final Clock clock;
    private final ExecutorService executor;

    @Activate
    public HealthServiceImpl(BundleContext context, HealthConfig config) {
        this(() -> BundleStates.check(context, List.of(config.requiredBundles())),
                List.of(config.requiredComponents()), config.checkTimeoutMillis(), Clock.systemUTC());
    }

    HealthServiceImpl(Supplier<ComponentHealth> bundleCheck, List<String> requiredComponents, long timeoutMillis,
            Clock clock) {
        this.bundleCheck = bundleCheck;
        this.requiredComponents = List.copyOf(requiredComponents);
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "raekoda-health");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(HealthContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(HealthContributor contributor) {
        contributors.remove(contributor);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public HealthReport check() {
        List<String> names = new ArrayList<>();
        List<Callable<ComponentHealth>> checks = new ArrayList<>();
        names.add(BundleStates.NAME);
        checks.add(bundleCheck::get);
        for (HealthContributor contributor : contributors) {
            names.add(contributor.name());
            checks.add(() -> guarded(contributor));
        }
        List<ComponentHealth> results = new ArrayList<>();
        try {
            List<Future<ComponentHealth>> futures = executor.invokeAll(checks, timeoutMillis, TimeUnit.MILLISECONDS);
            for (int i = 0; i < futures.size(); i++) {
                results.add(outcome(names.get(i), futures.get(i)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results.add(ComponentHealth.down("health", "interrupted while checking"));
        }
        for (String required : requiredComponents) {
            if (results.stream().noneMatch(r -> r.name().equals(required))) {
                results.add(ComponentHealth.down(required, "not registered: its bundle is stopped or still starting"));
            }
        }
        results.sort(Comparator.comparing(ComponentHealth::name));
        return HealthReport.of(clock.instant(), results);
    }

    private ComponentHealth outcome(String name, Future<ComponentHealth> future) {
        try {
            ComponentHealth result = future.get();
            return result != null ? result : ComponentHealth.down(name, "check returned nothing");
        } catch (CancellationException e) {
            return ComponentHealth.down(name, "no answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            return ComponentHealth.down(name, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.down(name, "interrupted while checking");
        }
    }

    private static ComponentHealth guarded(HealthContributor contributor) {
        try {
            return contributor.check();
        } catch (RuntimeException e) {
            // The reason reaches operators through /health; the stack trace stays in the log.
            LOG.warn("Health check {} failed", contributor.name(), e);
            return new ComponentHealth(contributor.name(), org.raekoda.api.health.HealthStatus.DOWN,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of());
        }
    }
}
