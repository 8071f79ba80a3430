package org.raekoda.engine.internal.application;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.store.OrganizationRow;
import org.raekoda.api.store.OrganizationStore;
import org.raekoda.api.store.SettingsRow;
import org.raekoda.engine.internal.json.Json;

/** Organizations of the installation and the e-services each one offers. */
@Component(service = OrganizationService.class)
public final class OrganizationServiceImpl implements OrganizationService {

    private final OrganizationStore store;
    private final Catalogue catalogue;

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
        if (!organization.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw ApplicationException.invalid("Invalid organization id",
                    List.of(new FieldError("/id", "lowercase letters, digits and dashes, at most 63")));
        }
        return organization(store.save(new OrganizationRow(organization.id(), organization.kind().name(),
                Json.write(organization.name()))));
    }

    @Override
    public List<String> enabledServices(String organization) {
        return store.settingsOf(organization).stream().filter(SettingsRow::enabled).map(SettingsRow::service).toList();
    }

    @Override
    public void enable(Caller admin, String organization, String service, boolean enabled, AutomationMode mode) {
        if (!(admin.has(Role.ADMIN) && admin.actsFor(organization)) && !admin.has(Role.PLATFORM_ADMIN)) {
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
        store.save(new SettingsRow(organization, service, enabled, newMode.name(),
                current == null ? null : current.criteriaJson()));
    }

    private static Organization organization(OrganizationRow row) {
        return new Organization(row.id(), Organization.Kind.valueOf(row.kind()),
                Json.read(row.nameJson(), LocalizedText.class));
    }
}
