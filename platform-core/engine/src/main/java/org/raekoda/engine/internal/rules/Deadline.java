package org.raekoda.engine.internal.rules;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A time limit for evaluating expressions: when it passes, a flag is set that JEXL checks between the nodes it
 * evaluates (its cancellation handle), so that a running evaluation stops. One timer thread serves every
 * evaluation of the node; it ends when idle.
 */
final class Deadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean passed = new AtomicBoolean();
    private final ScheduledFuture<?> alarm;
    private final Duration length;

    Deadline(Duration length) {
        this.length = length;
        this.alarm = TIMER.schedule(() -> passed.set(true), length.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The flag JEXL reads; set once the deadline has passed. */
    AtomicBoolean flag() {
        return passed;
    }

    boolean passed() {
        return passed.get();
    }

    Duration length() {
        return length;
    }

    @Override
    public void close() {
        alarm.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "raekoda-rule-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
