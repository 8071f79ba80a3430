package org.raekoda.integration.local.cemetery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.RegistryFacts;

/**
 * The cemetery register that each municipality keeps on the platform (the local register
 * {@value #REGISTER}: rows {@code cemetery,section,plot,status} with status free, reserved or occupied), for
 * municipalities without a register integration yet. It gives {@code registry.cemetery.plotKnown},
 * {@code registry.cemetery.plotFree} and {@code registry.cemetery.plotStatus} for the plot named in the form
 * ({@code cemetery}, {@code section}, {@code plotNumber}). The rows are in the database, so every node
 * answers the same and a new load counts at once; an unknown plot gives no {@code plotFree}, and the
 * application goes to an officer.
 */
@Component(service = RegistryFacts.class)
public final class LocalCemeteryRegistry implements RegistryFacts {

    /** The local register's name, as loaded with {@code raekoda:cemetery-load} or the admin API. */
    static final String REGISTER = "cemetery";

    private final LocalRegisters registers;

    @Activate
    public LocalCemeteryRegistry(@Reference LocalRegisters registers) {
        this.registers = registers;
    }

    @Override
    public String name() {
        return "cemetery";
    }

    @Override
    public Map<String, Object> facts(String organization, String service, Map<String, Object> form) {
        Map<String, Object> facts = new LinkedHashMap<>();
        Optional<String> status = registers.status(organization, REGISTER,
                List.of(text(form.get("cemetery")), text(form.get("section")), text(form.get("plotNumber"))));
        facts.put("plotKnown", status.isPresent());
        status.ifPresent(s -> {
            facts.put("plotFree", s.equals("free"));
            facts.put("plotStatus", s);
        });
        return facts;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
