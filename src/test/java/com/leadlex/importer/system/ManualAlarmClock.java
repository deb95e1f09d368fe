package com.leadlex.importer.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Alarms on a {@link ManualClock}: nothing rings by itself; {@link #ringDue()} runs, in the test's
 * thread, every alarm whose instant the clock has reached, earliest first, as the real alarm clock's
 * thread would have.
 */
public class ManualAlarmClock implements AlarmClock {

    private final ManualClock clock;
    private final List<Pending> pending = new ArrayList<>();

    public ManualAlarmClock(ManualClock clock) {
        this.clock = clock;
    }

    private final class Pending implements Alarm {
        final Instant at;
        final Runnable task;

        Pending(Instant at, Runnable task) {
            this.at = at;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualAlarmClock.this) {
                pending.remove(this);
            }
        }
    }

    @Override
    public synchronized Alarm set(Instant at, Runnable task) {
        Pending alarm = new Pending(at, task);
        pending.add(alarm);
        return alarm;
    }

    /** The instants of the alarms set and not yet rung nor cancelled, earliest first. */
    public synchronized List<Instant> setFor() {
        return pending.stream().map(alarm -> alarm.at).sorted().toList();
    }

    /** Rings every alarm due by the clock, including those a ringing alarm sets for a time already passed. */
    public void ringDue() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.stream().filter(alarm -> !alarm.at.isAfter(clock.instant()))
                        .min(Comparator.comparing(alarm -> alarm.at)).orElse(null);
                if (next == null) {
                    return;
                }
                pending.remove(next);
            }
            next.task.run();
        }
    }
}
