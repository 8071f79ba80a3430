package org.raekoda.engine.internal.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.SettingsRow;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies criteria files (Config Admin, factory PID {@code org.raekoda.criteria}) to the database, where
 * the admin API writes too. Every node applies the same files to the same row, so the outcome does not
 * depend on how many nodes run. A file that does not check out is refused whole and logged.
 */
@Component(configurationPid = "org.raekoda.criteria", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CriteriaFileConfig.class, factory = true)
public final class CriteriaFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CriteriaFiles.class);

    private final OrganizationStore organizations;
    private final RuleEngine rules = new RuleEngine();

    @Activate
    public CriteriaFiles(@Reference OrganizationStore organizations, CriteriaFileConfig config) {
        this.organizations = organizations;
        apply(config);
    }

    @Modified
    void apply(CriteriaFileConfig config) {
        try {
            String criteriaJson = criteriaJson(config);
            List<Criterion> criteria = criteriaJson == null ? null : Json.readCriteria(criteriaJson);
            if (criteria != null) {
                var problems = rules.problems(criteria, "/criteria");
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException(problems.stream()
                            .map(problem -> problem.pointer() + " " + problem.message())
                            .collect(Collectors.joining("; ")));
                }
            }
            if (organizations.find(config.organization()).isEmpty()) {
                throw new IllegalArgumentException("no organization " + config.organization());
            }
            SettingsRow current = organizations.settings(config.organization(), config.service()).orElse(null);
            String mode = config.mode().isBlank()
                    ? current == null ? RuleSets.DEFAULT_MODE.name() : current.mode()
                    : AutomationMode.valueOf(config.mode().trim()).name();
            String criteriaText = criteria == null ? null : Json.write(criteria);
            organizations.save(current == null
                    ? new SettingsRow(config.organization(), config.service(), true, mode, criteriaText, null)
                    : current.withCriteria(current.enabled(), mode, criteriaText));
            LOG.info("Criteria file applied: {} / {} in mode {}, {}", config.organization(), config.service(), mode,
                    criteria == null ? "default criteria" : criteria.size() + " own criteria");
        } catch (IOException | RuntimeException e) {
            LOG.error("Criteria file for {} / {} refused: {}", config.organization(), config.service(), e.getMessage());
        }
    }

    private static String criteriaJson(CriteriaFileConfig config) throws IOException {
        if (!config.criteriaFile().isBlank()) {
            return Files.readString(Path.of(config.criteriaFile().trim()), StandardCharsets.UTF_8);
        }
        return config.criteria().isBlank() ? null : config.criteria();
    }
}
