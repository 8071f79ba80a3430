package org.raekoda.engine.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.raekoda.api.health.ComponentHealth;

/** Checks that the core bundles are installed and ACTIVE. */
final class BundleStates {

    static final String NAME = "bundles";

    private BundleStates() {
    }

    static ComponentHealth check(BundleContext context, List<String> requiredSymbolicNames) {
        Map<String, Bundle> bySymbolicName = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            bySymbolicName.put(bundle.getSymbolicName(), bundle);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String name : requiredSymbolicNames) {
            Bundle bundle = bySymbolicName.get(name);
            String state = bundle == null ? "MISSING" : stateName(bundle.getState());
            facts.put(name, state);
            if (!"ACTIVE".equals(state)) {
                problems.add(name + " is " + state);
            }
        }
        if (problems.isEmpty()) {
            return ComponentHealth.up(NAME, requiredSymbolicNames.size() + " core bundles active", facts);
        }
        return new ComponentHealth(NAME, org.raekoda.api.health.HealthStatus.DOWN, String.join("; ", problems), facts);
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.INSTALLED:
                return "INSTALLED";
            default:
                return "UNINSTALLED";
        }
    }
}
