package org.raekoda.engine.internal.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A time limit for evaluating expressions on the calling thread: when it passes, a flag is set that JEXL checks
 * between the nodes it evaluates (its cancellation handle), so that a running evaluation stops.
 *
 * <p>The limit counts the processor time the thread spends, not the time on the clock: on a busy node a thread
 * waiting for a processor must not make harmless criteria overrun, while criteria that really compute for longer
 * are stopped. The clock still ends an evaluation at {@link #BACKSTOP} times the limit. One timer thread serves
 * every evaluation of the node; it wakes only for evaluations that last as long as their limit, and ends when
 * idle.
 */
final class Deadline implements AutoCloseable {

    /** How many times its limit an evaluation may last on the clock, however little processor time it had. */
    static final int BACKSTOP = 20;

    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean PROCESSOR_TIME = THREADS.isCurrentThreadCpuTimeSupported()
            && THREADS.isThreadCpuTimeEnabled();

    private final AtomicBoolean passed = new AtomicBoolean();
    private final Duration length;
    private final long threadId = Thread.currentThread().getId();
    private final long processorAtStart = PROCESSOR_TIME ? THREADS.getCurrentThreadCpuTime() : 0;
    private final long clockAtStart = System.nanoTime();
    private volatile ScheduledFuture<?> alarm;
    private volatile boolean closed;

    Deadline(Duration length) {
        this.length = length;
        this.alarm = TIMER.schedule(this::check, length.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** At the limit on the clock: stop if the thread used its processor time, else look again when it could have. */
    private void check() {
        if (closed) {
            return;
        }
        long limit = length.toNanos();
        long used = PROCESSOR_TIME ? THREADS.getThreadCpuTime(threadId) - processorAtStart : limit;
        boolean backstop = System.nanoTime() - clockAtStart >= BACKSTOP * limit;
        if (used >= limit || backstop || used < 0) {
            passed.set(true);
            return;
        }
        alarm = TIMER.schedule(this::check, Math.max(limit - used, TimeUnit.MILLISECONDS.toNanos(1)),
                TimeUnit.NANOSECONDS);
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
        closed = true;
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
