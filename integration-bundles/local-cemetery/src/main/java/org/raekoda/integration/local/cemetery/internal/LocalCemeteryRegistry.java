package org.raekoda.integration.local.cemetery.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.registry.RegistryFacts;

/**
 * The cemetery register as a CSV file kept by the cemetery administration, for municipalities without
 * a register integration yet. It gives {@code registry.cemetery.plotKnown} and
 * {@code registry.cemetery.plotFree} for the plot named in the form ({@code cemetery}, {@code section},
 * {@code plotNumber}). The file is read on each question, so an edit counts at once on every node that
 * sees the file; an unknown plot gives no {@code plotFree}, and the application goes to an officer.
 */
@Component(service = RegistryFacts.class, configurationPid = "org.raekoda.registry.cemetery.local",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LocalCemeteryConfig.class)
public final class LocalCemeteryRegistry implements RegistryFacts {

    private final Path plots;

    @Activate
    public LocalCemeteryRegistry(LocalCemeteryConfig config) {
        this(Path.of(config.plotsFile()));
    }

    public LocalCemeteryRegistry(Path plots) {
        this.plots = plots;
    }

    @Override
    public String name() {
        return "cemetery";
    }

    @Override
    public Map<String, Object> facts(String organization, String service, Map<String, Object> form) {
        Map<String, Object> facts = new LinkedHashMap<>();
        String key = String.join(",", organization, text(form.get("cemetery")), text(form.get("section")),
                text(form.get("plotNumber"))).toLowerCase(Locale.ROOT);
        String status = status(key);
        facts.put("plotKnown", status != null);
        if (status != null) {
            facts.put("plotFree", status.equals("free"));
            facts.put("plotStatus", status);
        }
        return facts;
    }

    private String status(String key) {
        try {
            for (String line : Files.readAllLines(plots, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int last = trimmed.lastIndexOf(',');
                if (last > 0 && trimmed.substring(0, last).replace(" ", "").toLowerCase(Locale.ROOT).equals(key)) {
                    return trimmed.substring(last + 1).trim().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("cemetery register " + plots.getFileName() + " cannot be read", e);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
