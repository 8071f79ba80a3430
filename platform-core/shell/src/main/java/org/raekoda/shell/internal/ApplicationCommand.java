package org.raekoda.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.Decision;

/** {@code raekoda:application -o tartu <id>}: one application, its decisions and its audit trail. */
@Command(scope = "raekoda", name = "application", description = "Shows one application with its decisions and audit trail")
@Service
public class ApplicationCommand implements Action {

    @Reference
    ApplicationService applications;

    @Option(name = "-o", aliases = "--organization", required = true, description = "Organization id")
    String organization;

    @Argument(index = 0, name = "id", required = true, description = "Application id")
    String id;

    @Override
    public Object execute() {
        Application a = applications.get(Consoles.officer(organization), id);
        System.out.printf("Application %s%n  service   %s %s%n  state     %s%n  phase     %s%n  deadline  %s%n"
                + "  fee       %s %s%n  version   %d%n", a.id(), a.service(), a.serviceVersion(), a.state(),
                a.phase(), a.deadline(), a.fee(), a.currency(), a.version());
        System.out.println("Decisions:");
        for (Decision d : a.decisions()) {
            System.out.printf("  %s %-20s by %-12s %s%s%n", d.decidedAt(), d.outcome(), d.decidedBy(),
                    d.evaluation() == null ? "" : "verdict " + d.evaluation().verdict() + " (" + d.mode() + ") ",
                    d.reason());
        }
        System.out.println("Audit trail:");
        for (AuditEntry e : applications.audit(Consoles.officer(organization), id)) {
            System.out.printf("  %s %-16s %-14s %s -> %s %s%n", e.at(), e.actor(), e.action(), e.fromState(),
                    e.toState(), e.detail());
        }
        return null;
    }
}
