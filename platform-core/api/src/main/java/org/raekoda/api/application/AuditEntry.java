package org.raekoda.api.application;

import java.time.Instant;

/**
 * One line of an application's append-only audit trail.
 *
 * @param at          when
 * @param actor       subject of who acted ({@code raekoda} for the platform)
 * @param channel     through which channel
 * @param action      what was done, e.g. {@code submitted}, {@code decided}, {@code assigned}
 * @param fromState   state before, or null
 * @param toState     state after, or null
 * @param detail      a short note (a reason, an assignee), never form contents
 */
public record AuditEntry(Instant at, String actor, Channel channel, String action, ApplicationState fromState,
        ApplicationState toState, String detail) {
}
