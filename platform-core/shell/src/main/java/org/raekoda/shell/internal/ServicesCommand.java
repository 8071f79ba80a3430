package org.raekoda.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;

/** {@code raekoda:services}: the e-services in the catalogue right now. */
@Command(scope = "raekoda", name = "services", description = "Lists the e-services of the catalogue")
@Service
public class ServicesCommand implements Action {

    @Reference
    Catalogue catalogue;

    @Override
    public Object execute() {
        System.out.printf("%-24s %-10s %-10s %-12s %s%n", "ID", "VERSION", "OWNER", "GEOMETRY", "TITLE");
        for (EServiceDefinition service : catalogue.all()) {
            System.out.printf("%-24s %-10s %-10s %-12s %s%n", service.id(), service.version(), service.owner(),
                    service.location().geometry() == null ? "-" : service.location().geometry().geoJsonType(),
                    service.title().in(List.of(Locale.ENGLISH)));
        }
        return null;
    }
}
