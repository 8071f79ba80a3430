package org.raekoda.engine.internal.application;

import java.util.List;

import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.Decision;
import org.raekoda.api.application.Evaluation;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.AuditRow;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.engine.internal.json.Json;

/** Between the store's rows and the API's records. */
final class Rows {

    private Rows() {
    }

    static Application application(ApplicationRow row, List<DecisionRow> decisions) {
        return new Application(row.id(), row.organization(), row.service(), row.serviceVersion(), row.applicant(),
                ApplicationState.valueOf(row.state()), Json.readMap(row.formJson()), Json.readMap(row.locationJson()),
                row.fee(), row.currency(), row.phase(), row.assignee(), row.deadline(), row.validUntil(), row.version(),
                row.submittedAt(), decisions.stream().map(Rows::decision).toList(), row.reviewRequestedAt(),
                row.occupancy() == null ? null : row.occupancy().from(),
                row.occupancy() == null ? null : row.occupancy().until(), row.submittedBy(), null);
    }

    static Decision decision(DecisionRow row) {
        return new Decision(row.id(), ApplicationState.valueOf(row.outcome()),
                row.mode() == null ? null : AutomationMode.valueOf(row.mode()), row.automatic(),
                row.evaluationJson() == null ? null : Json.read(row.evaluationJson(), Evaluation.class),
                row.reason() == null ? "" : row.reason(), row.decidedBy(), row.decidedAt());
    }

    /** A line of the access audit in an application's trail: reads by staff and acting for the applicant. */
    static AuditEntry audit(org.raekoda.store.spi.AccessAuditRow row) {
        Channel channel = "read".equals(row.action()) || "acted-for-visitor".equals(row.action())
                ? Channel.SERVICE_CENTRE : Channel.SELF_SERVICE;
        return new AuditEntry(row.at(), row.actor(), channel, row.action(), null, null, row.detail());
    }

    static AuditEntry audit(AuditRow row) {
        return new AuditEntry(row.at(), row.actor(), Channel.valueOf(row.channel()), row.action(),
                row.fromState() == null ? null : ApplicationState.valueOf(row.fromState()),
                row.toState() == null ? null : ApplicationState.valueOf(row.toState()), row.detail());
    }
}
