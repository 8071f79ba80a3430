package org.raekoda.store.spi;

import java.util.List;

/**
 * What a change of an application causes, written in the same transaction as the change itself, so that the two
 * never part: a crash after the commit loses nothing, a crash before it leaves nothing behind.
 *
 * @param messages          outbox messages to write (status events, registry checks)
 * @param newChecks         registry checks to write
 * @param answeredCheck     a check's answer: written only if the stored check is still PENDING, else
 *                          {@link AlreadyAppliedException}
 * @param settledPayment    a payment's outcome: written only if the stored payment is still STARTED, else
 *                          {@link AlreadyAppliedException}
 * @param newWait           the application's new wait (replacing any), or null
 * @param endWait           whether the application's wait ends (it left CHECKING or AWAITING_PAYMENT)
 * @param deliveredMessage  an outbox message whose delivery this change is (a check's answer), marked DELIVERED, or
 *                          null
 */
public record Effects(List<OutboxRow> messages, List<CheckRow> newChecks, CheckRow answeredCheck,
        PaymentRow settledPayment, WaitRow newWait, boolean endWait, String deliveredMessage) {

    public static final Effects NONE = new Effects(List.of(), List.of(), null, null, null, false, null);

    public Effects {
        messages = List.copyOf(messages == null ? List.of() : messages);
        newChecks = List.copyOf(newChecks == null ? List.of() : newChecks);
    }

    public static Effects messages(List<OutboxRow> messages) {
        return new Effects(messages, List.of(), null, null, null, false, null);
    }
}
