package org.raekoda.demo.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.node.NodeProfile;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.RegisterRow;
import org.raekoda.store.spi.OrganizationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first run that shows the platform working: on a development node on the embedded database, the
 * municipality {@value #ID} offers the five permit e-services automatically, with the sample town's zone
 * layers and a cemetery register, so that a new user's first request can be a submission.
 *
 * <p>It adds only what is missing, item by item (the organization, each e-service, each layer, the register),
 * so that a restart changes nothing, a node killed half-way finishes the job on its next start, and what an
 * administrator changed afterwards (a mode, a withdrawn e-service, new rows) stays as they left it. Every
 * step is an upsert through the platform's own services, so nodes that seed at once end in the same state.
 */
@Component(immediate = true, configurationPid = "org.raekoda.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoConfig.class)
public final class DemoMunicipality {

    static final String ID = "demo";
    static final List<String> SERVICES = List.of("advertising", "excavation", "grave-site", "transport", "tree-felling");
    /** The features that bring the e-services and the local cemetery register the demo uses. */
    static final List<String> FEATURES = List.of("raekoda-permit-advertising", "raekoda-permit-excavation",
            "raekoda-permit-grave-site", "raekoda-permit-transport", "raekoda-permit-tree-felling",
            "raekoda-integration-local-cemetery");
    static final String CEMETERY = "cemetery";
    private static final Caller SEEDER = new Caller("demo", null, Set.of(Caller.Role.PLATFORM_ADMIN),
            Channel.SERVICE_CENTRE);
    private static final LocalizedText NAME = new LocalizedText(Map.of("en", "Demo Town", "et", "Näidislinn",
            "lv", "Demo pilsēta", "sv", "Demostad"));
    /** How long the demo waits for the database and the e-services before it gives up until the next start. */
    private static final long GIVE_UP_MINUTES = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DemoMunicipality.class);

    private final OrganizationService organizations;
    private final OrganizationStore store;
    private final Catalogue catalogue;
    private final LocalRegisters registers;
    private final FeaturesService features;
    private final Path seedFolder;
    private final ScheduledExecutorService worker;
    private final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(GIVE_UP_MINUTES);
    private boolean featuresRequested;

    @Activate
    public DemoMunicipality(@Reference NodeProfile profile, @Reference OrganizationService organizations,
            @Reference OrganizationStore store, @Reference Catalogue catalogue, @Reference LocalRegisters registers,
            @Reference FeaturesService features, DemoConfig config) {
        this.organizations = organizations;
        this.store = store;
        this.catalogue = catalogue;
        this.registers = registers;
        this.features = features;
        this.seedFolder = Path.of(config.seedFolder());
        if (!profile.developmentShortcuts()) {
            LOG.info("No demo municipality: the node's profile is {}{}", profile.name(),
                    profile.embeddedDatabase() ? "" : " on a shared database");
            worker = null;
        } else if ("false".equalsIgnoreCase(config.demo().strip())) {
            LOG.info("No demo municipality: RAEKODA_DEMO=false");
            worker = null;
        } else {
            worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "raekoda-demo"));
            worker.schedule(this::seedUntilComplete, 0, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void seedUntilComplete() {
        try {
            if (seedWhatIsMissing()) {
                LOG.info("Demo municipality '{}' ready: e-services {}, zone layers {}, {} cemetery plots", ID,
                        organizations.enabledServices(ID), organizations.zoneLayers(ID), registers.size(ID, CEMETERY));
                return;
            }
        } catch (RuntimeException notYet) {
            // The database may still be migrating, or an e-service still starting: try again shortly.
            LOG.debug("Demo municipality not complete yet: {}", notYet.toString());
        }
        if (System.nanoTime() - deadline > 0) {
            LOG.warn("Demo municipality '{}' incomplete after {} minutes; the next start completes it", ID, GIVE_UP_MINUTES);
            return;
        }
        worker.schedule(this::seedUntilComplete, 2, TimeUnit.SECONDS);
    }

    /** Adds what is missing; true once everything is there. */
    boolean seedWhatIsMissing() {
        installFeaturesOnce();
        if (store.find(ID).isEmpty()) {
            organizations.save(SEEDER, new Organization(ID, Organization.Kind.MUNICIPALITY, NAME));
        }
        boolean complete = true;
        for (String service : SERVICES) {
            if (catalogue.find(service).isEmpty()) {
                complete = false;
            } else if (store.settings(ID, service).isEmpty()) {
                organizations.enable(SEEDER, ID, service, true, AutomationMode.AUTOMATIC);
            }
        }
        List<String> layers = organizations.zoneLayers(ID);
        for (Path file : sampleLayers()) {
            String layer = file.getFileName().toString().replace(".geojson", "");
            if (!layers.contains(layer)) {
                organizations.saveZoneLayer(SEEDER, ID, layer, read(file));
            }
        }
        if (registers.size(ID, CEMETERY) == 0) {
            try (Reader csv = Files.newBufferedReader(seedFolder.resolve("cemetery-plots.csv"), StandardCharsets.UTF_8)) {
                registers.replace(ID, CEMETERY, RegisterRow.fromCsv(csv));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return complete;
    }

    /**
     * The e-services the demo offers, installed as a municipality would install them: each feature on its own,
     * so that uninstalling one (feature:uninstall) removes it.
     */
    private void installFeaturesOnce() {
        if (featuresRequested) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String feature : FEATURES) {
            try {
                if (!features.isInstalled(features.getFeature(feature))) {
                    missing.add(feature);
                }
            } catch (Exception e) {
                throw new IllegalStateException("feature " + feature + " cannot be read", e);
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("Demo municipality: installing {}", missing);
            try {
                features.installFeatures(missing, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            } catch (Exception e) {
                throw new IllegalStateException("the demo's features cannot be installed", e);
            }
        }
        featuresRequested = true;
    }

    private List<Path> sampleLayers() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(seedFolder.resolve("sample-layers"), "*.geojson")) {
            List<Path> sorted = new java.util.ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            return sorted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
