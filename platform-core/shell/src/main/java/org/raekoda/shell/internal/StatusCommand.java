package org.raekoda.shell.internal;

import java.io.PrintStream;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthReport;
import org.raekoda.api.health.HealthService;

/** {@code raekoda:status}: the same facts as {@code GET /api/v1/health}, for an operator at the console. */
@Command(scope = "raekoda", name = "status", description = "Shows the health of this node: database, core bundles, Camel")
@Service
public class StatusCommand implements Action {

    @Reference
    HealthService health;

    @Override
    public Object execute() {
        print(health.check(), System.out);
        return null;
    }

    static void print(HealthReport report, PrintStream out) {
        out.printf("Raekoda node: %s (checked %s)%n", report.status(), report.checkedAt());
        for (ComponentHealth component : report.components()) {
            out.printf("  %-10s %-4s %s%n", component.name(), component.status(), component.detail());
            for (Map.Entry<String, Object> fact : component.facts().entrySet()) {
                out.printf("  %-10s      %s = %s%n", "", fact.getKey(), fact.getValue());
            }
        }
    }
}
