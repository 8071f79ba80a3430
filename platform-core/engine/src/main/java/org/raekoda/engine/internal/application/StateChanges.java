package org.raekoda.engine.internal.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Organization;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.OrganizationRow;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.store.spi.StaleVersionException;

/**
 * Writes a change of a stored application with its decision and audit line, through the state machine and
 * guarded by the version the caller saw, so that of two concurrent changes exactly one wins.
 */
final class StateChanges {

    private final ApplicationStore applications;
    private final Catalogue catalogue;
    private final OrganizationStore organizations;
    private final Clock clock;

    StateChanges(ApplicationStore applications, Catalogue catalogue, OrganizationStore organizations, Clock clock) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.clock = clock;
    }

    Application move(Caller caller, ApplicationRow row, ApplicationState target, long expectedVersion,
            UnaryOperator<ApplicationRow> change, String action, String reason, ApplicationState decisionOutcome) {
        ApplicationState current = ApplicationState.valueOf(row.state());
        if (!current.canMoveTo(target)) {
            throw ApplicationException.wrongState("application is " + current + "; it cannot become " + target
                    + (current.next().isEmpty() ? "" : " (possible: " + current.next() + ")"), current.next());
        }
        requireVersion(row, expectedVersion);
        Instant now = clock.instant();
        ApplicationRow changed = change.apply(row).withState(target.name(), now);
        DecisionRow decision = decisionOutcome == null ? null : new DecisionRow(UUID.randomUUID().toString(), row.id(),
                decisionOutcome.name(), null, false, null, null, null, reason, caller.subject(), now);
        AuditRow audit = new AuditRow(row.id(), row.organization(), now, caller.subject(), caller.channel().name(),
                action, current.name(), target.name(), reason);
        return write(changed, expectedVersion, decision, audit);
    }

    /** 409 when the application changed since the version the caller saw. */
    static void requireVersion(ApplicationRow row, long expectedVersion) {
        if (row.version() != expectedVersion) {
            throw ApplicationException.conflict("application changed since version " + expectedVersion
                    + "; reload it (now version " + row.version() + ")");
        }
    }

    Application write(ApplicationRow changed, long expectedVersion, DecisionRow decision, AuditRow audit) {
        try {
            return load(applications.update(changed, expectedVersion, decision, audit));
        } catch (StaleVersionException e) {
            throw ApplicationException.conflict("someone else changed the application first; reload it");
        }
    }

    Application load(ApplicationRow row) {
        return Rows.application(row, applications.decisions(row.id()));
    }

    EServiceDefinition definition(ApplicationRow row) {
        return catalogue.find(row.service(), row.serviceVersion())
                .orElseThrow(() -> ApplicationException.conflict("e-service " + row.service() + " " + row.serviceVersion()
                        + " is not known to this installation"));
    }

    Instant now() {
        return clock.instant();
    }

    /** Today in the organization's time zone ({@link Organization#DEFAULT_TIME_ZONE} when it names none). */
    LocalDate today(String organization) {
        String zone = organizations.find(organization).map(OrganizationRow::timeZone).orElse(null);
        return LocalDate.ofInstant(clock.instant(),
                ZoneId.of(zone == null ? Organization.DEFAULT_TIME_ZONE : zone));
    }
}
