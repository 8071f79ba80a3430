package org.raekoda.api.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an application, as an explicit state machine. Every change of state goes through
 * {@link #canMoveTo(ApplicationState)}; anything else is refused.
 */
public enum ApplicationState {
    DRAFT, SUBMITTED, AWAITING_PAYMENT, CHECKING, IN_REVIEW, MORE_INFO_REQUESTED, ISSUED, REJECTED, WITHDRAWN,
    EXPIRED, REVOKED,
    /** The fee was not paid in the organization's payment time; nothing was issued. */
    LAPSED;

    private Set<ApplicationState> next;

    static {
        DRAFT.next = EnumSet.of(SUBMITTED, WITHDRAWN);
        SUBMITTED.next = EnumSet.of(AWAITING_PAYMENT, CHECKING, ISSUED, IN_REVIEW, WITHDRAWN);
        AWAITING_PAYMENT.next = EnumSet.of(CHECKING, ISSUED, IN_REVIEW, WITHDRAWN, LAPSED);
        CHECKING.next = EnumSet.of(AWAITING_PAYMENT, ISSUED, IN_REVIEW, WITHDRAWN);
        IN_REVIEW.next = EnumSet.of(ISSUED, REJECTED, MORE_INFO_REQUESTED, WITHDRAWN);
        MORE_INFO_REQUESTED.next = EnumSet.of(IN_REVIEW, WITHDRAWN);
        ISSUED.next = EnumSet.of(EXPIRED, REVOKED);
        REJECTED.next = EnumSet.noneOf(ApplicationState.class);
        WITHDRAWN.next = EnumSet.noneOf(ApplicationState.class);
        EXPIRED.next = EnumSet.noneOf(ApplicationState.class);
        REVOKED.next = EnumSet.noneOf(ApplicationState.class);
        LAPSED.next = EnumSet.noneOf(ApplicationState.class);
    }

    public boolean canMoveTo(ApplicationState target) {
        return next.contains(target);
    }

    public Set<ApplicationState> next() {
        return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
    }

    /** No further change is possible, or only the end of a permit's life. */
    public boolean isFinal() {
        return next.isEmpty();
    }
}
