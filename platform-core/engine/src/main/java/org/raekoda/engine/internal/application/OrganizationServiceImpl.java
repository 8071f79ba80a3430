package org.raekoda.engine.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.LocalSettings;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.SettingsRow;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.ZoneLayerCheck;

/** Organizations of the installation and the e-services each one offers. */
@Component(service = OrganizationService.class)
public final class OrganizationServiceImpl implements OrganizationService {

    private final OrganizationStore store;
    private final Catalogue catalogue;
    private final RuleEngine rules = new RuleEngine();

    @Activate
    public OrganizationServiceImpl(@Reference OrganizationStore store, @Reference Catalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    @Override
    public List<Organization> all() {
        return store.all().stream().map(OrganizationServiceImpl::organization).toList();
    }

    @Override
    public Optional<Organization> find(String id) {
        return store.find(id).map(OrganizationServiceImpl::organization);
    }

    @Override
    public Organization save(Caller platformAdmin, Organization organization) {
        if (!platformAdmin.has(Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only platform administrators add organizations");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!organization.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new FieldError("/id", "lowercase letters, digits and dashes, at most 63"));
        }
        TextLimits.check(errors, "/name", organization.name(), TextLimits.NAME);
        if (!Organization.isTimeZone(organization.timeZone())) {
            errors.add(new FieldError("/timeZone", "an IANA time zone such as Europe/Tallinn"));
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("Invalid organization", errors);
        }
        return organization(store.save(new OrganizationRow(organization.id(), organization.kind().name(),
                Json.write(organization.name()), organization.timeZone())));
    }

    @Override
    public List<String> enabledServices(String organization) {
        return store.settingsOf(organization).stream().filter(SettingsRow::enabled).map(SettingsRow::service).toList();
    }

    @Override
    public void enable(Caller admin, String organization, String service, boolean enabled, AutomationMode mode) {
        if (!admin.hasIn(organization, Role.ADMIN) && !admin.has(Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " choose its e-services");
        }
        if (store.find(organization).isEmpty()) {
            throw ApplicationException.notFound("organization " + organization);
        }
        if (catalogue.find(service).isEmpty()) {
            throw ApplicationException.notFound("e-service " + service);
        }
        SettingsRow current = store.settings(organization, service).orElse(null);
        AutomationMode newMode = mode != null ? mode
                : current == null ? RuleSets.DEFAULT_MODE : AutomationMode.valueOf(current.mode());
        store.save(current == null ? new SettingsRow(organization, service, enabled, newMode.name(), null, null)
                : current.withCriteria(enabled, newMode.name(), current.criteriaJson()));
    }

    @Override
    public void saveZoneLayer(Caller admin, String organization, String name, String geoJson) {
        if (!admin.hasIn(organization, Role.ADMIN) && !admin.has(Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " load its zone layers");
        }
        if (store.find(organization).isEmpty()) {
            throw ApplicationException.notFound("organization " + organization);
        }
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw ApplicationException.invalid("Invalid layer name",
                    List.of(new FieldError("/name", "lowercase letters, digits and dashes, e.g. heritage")));
        }
        List<FieldError> problems = ZoneLayerCheck.problems(geoJson);
        if (!problems.isEmpty()) {
            throw ApplicationException.invalid("The layer cannot be used", problems);
        }
        java.util.Set<String> loaded = store.zoneLayerVersions(organization).keySet();
        if (!loaded.contains(name) && loaded.size() >= ZoneLayerCheck.MAX_LAYERS) {
            throw ApplicationException.invalid("Too many zone layers", List.of(new FieldError("/name",
                    organization + " has " + loaded.size() + " layers, the most an organization may have; replace one")));
        }
        store.saveZoneLayer(organization, name, geoJson);
    }

    @Override
    public List<String> zoneLayers(String organization) {
        return List.copyOf(store.zoneLayerVersions(organization).keySet());
    }

    @Override
    public Optional<String> zoneLayer(String organization, String name) {
        return store.zoneLayer(organization, name);
    }

    @Override
    public LocalSettings localSettings(String organization, String service) {
        return store.settings(organization, service).map(SettingsRow::localJson).filter(json -> json != null)
                .map(json -> Json.read(json, LocalSettings.class)).orElse(LocalSettings.NONE);
    }

    @Override
    public LocalSettings localize(Caller admin, String organization, String service, LocalSettings settings) {
        if (!admin.hasIn(organization, Role.ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " localize its e-services");
        }
        SettingsRow current = store.settings(organization, service)
                .orElseThrow(() -> ApplicationException.notFound("e-service " + service + " of organization " + organization));
        var definition = catalogue.find(service).orElseThrow(() -> ApplicationException.notFound("e-service " + service));
        List<FieldError> errors = new java.util.ArrayList<>();
        TextLimits.check(errors, "/title", settings.title(), TextLimits.NAME);
        TextLimits.check(errors, "/description", settings.description(), TextLimits.DESCRIPTION);
        String feeProblem = settings.fee() == null ? null : rules.feeProblem(settings.fee());
        if (feeProblem != null) {
            errors.add(new FieldError("/fee", feeProblem));
        }
        for (var deadline : settings.deadlines().entrySet()) {
            boolean known = definition.workflow().stream().anyMatch(phase -> phase.id().equals(deadline.getKey()));
            if (!known) {
                errors.add(new FieldError("/deadlines/" + deadline.getKey(), "no such phase in " + service));
            } else if (deadline.getValue() == null || deadline.getValue() < 0) {
                errors.add(new FieldError("/deadlines/" + deadline.getKey(), "working days, zero or more"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The local settings have " + errors.size() + " problem(s)", errors);
        }
        store.save(new SettingsRow(organization, service, current.enabled(), current.mode(), current.criteriaJson(),
                Json.write(settings)));
        return settings;
    }

    private static Organization organization(OrganizationRow row) {
        return new Organization(row.id(), Organization.Kind.valueOf(row.kind()),
                Json.read(row.nameJson(), LocalizedText.class), row.timeZone());
    }
}
