package com.leadlex.importer.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The application's alarm clock: one daemon thread that sleeps until the next alarm. The wait is
 * measured on the application's clock when the alarm is set (the database's time), then counted
 * down by the JVM's monotonic timer, so a change of this machine's wall clock does not move it.
 * Alarm tasks are short (they hand work to other threads) and run one after another.
 */
public final class ScheduledAlarmClock implements AlarmClock, AutoCloseable {

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    public ScheduledAlarmClock(Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "alarm-clock");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled alarm (re-set earlier, leadership lost) leaves the queue at once
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Alarm set(Instant at, Runnable task) {
        long nanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
        ScheduledFuture<?> scheduled = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
