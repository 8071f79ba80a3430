package org.raekoda.demo.idp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.health.HealthService;
import org.raekoda.api.identity.Memberships;
import org.raekoda.api.identity.People;
import org.raekoda.api.identity.VerifiedIdentity;
import org.raekoda.api.node.NodeProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grants the demo persons the memberships {@link DemoPeople} means them to hold, through the platform's own
 * membership service (so they are in the access audit like any other grant), once the demo municipality exists.
 * The identity provider proves who a demo person is; this makes an officer of one, as an administrator would.
 * Only where the demo provider runs; a membership already held is not granted again.
 */
@Component(immediate = true)
public final class DemoMemberships {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMemberships.class);
    private static final Caller SEEDER = new Caller("demo-idp", null, Set.of(Caller.Role.PLATFORM_ADMIN), Map.of(),
            Channel.SERVICE_CENTRE);
    /** The demo municipality is seeded by another bundle, at its own pace. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final ScheduledExecutorService retries;

    @Activate
    public DemoMemberships(@Reference NodeProfile profile, @Reference Memberships memberships,
            @Reference People people, @Reference OrganizationService organizations, @Reference HealthService health) {
        if (!DemoIdentityProvider.mayRun(profile)) {
            retries = null;
            return;
        }
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "raekoda-demo-members"));
        Instant giveUp = Instant.now().plus(PATIENCE);
        retries.scheduleWithFixedDelay(() -> {
            try {
                // Not before the schema is migrated: a query against missing tables only fills the log.
                if (!health.check().isUp() || organizations.find(DemoPeople.DEMO_ORGANIZATION).isEmpty()) {
                    if (Instant.now().isAfter(giveUp)) {
                        LOG.info("No demo municipality (or the node is not healthy): the demo persons hold no memberships");
                        retries.shutdown();
                    }
                    return;
                }
                grant(memberships, people);
                retries.shutdown();
            } catch (RuntimeException notYet) {
                LOG.debug("Demo memberships not granted yet: {}", notYet.toString());
                if (Instant.now().isAfter(giveUp)) {
                    LOG.warn("Demo memberships not granted: {}", notYet.toString());
                    retries.shutdown();
                }
            }
        }, 1, 2, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private static void grant(Memberships memberships, People people) {
        int granted = 0;
        for (DemoPeople.Grant grant : DemoPeople.memberships()) {
            Caller now = people.callerFor(new VerifiedIdentity("demo", grant.person(), grant.name(),
                    Instant.now().plusSeconds(60)));
            if (now.memberships().getOrDefault(grant.organization(), Set.of()).containsAll(grant.roles())) {
                continue;
            }
            memberships.grant(SEEDER, grant.organization(), grant.person(), grant.name(), grant.roles());
            granted++;
        }
        LOG.info("Demo persons: {} memberships granted", granted);
    }
}
