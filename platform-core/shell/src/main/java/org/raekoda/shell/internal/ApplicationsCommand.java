package org.raekoda.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.ApplicationState;

/** {@code raekoda:applications -o tartu}: an organization's applications, as its officers see them. */
@Command(scope = "raekoda", name = "applications", description = "Lists an organization's applications")
@Service
public class ApplicationsCommand implements Action {

    @Reference
    ApplicationService applications;

    @Option(name = "-o", aliases = "--organization", required = true, description = "Organization id")
    String organization;

    @Option(name = "-s", aliases = "--service", description = "Only this e-service")
    String service;

    @Option(name = "--state", description = "Only applications in this state, e.g. IN_REVIEW")
    ApplicationState state;

    @Override
    public Object execute() {
        System.out.printf("%-36s %-16s %-20s %-10s %-12s %s%n", "ID", "SERVICE", "STATE", "PHASE", "DEADLINE",
                "ASSIGNEE");
        for (Application a : applications.search(Consoles.officer(organization), service, state)) {
            System.out.printf("%-36s %-16s %-20s %-10s %-12s %s%n", a.id(), a.service(), a.state(),
                    a.phase() == null ? "-" : a.phase(), a.deadline() == null ? "-" : a.deadline(),
                    a.assignee() == null ? "-" : a.assignee());
        }
        return null;
    }
}
