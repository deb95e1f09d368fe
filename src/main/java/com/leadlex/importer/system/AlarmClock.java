package com.leadlex.importer.system;

import java.time.Instant;

/**
 * Runs a task once when the application's clock reaches an instant: a timer set from a time kept in
 * the database (a paused import's resume time), so the work starts at that instant instead of at the
 * next poll. A task may run a little early or late (the database clock's offset is measured again
 * now and then): what it does must check the time itself. Tests replace it to ring alarms by moving
 * a manual clock.
 */
public interface AlarmClock {

    /** Runs {@code task} once at {@code at}, at once if that has passed. */
    Alarm set(Instant at, Runnable task);

    /** One alarm set; cancelling it after it rang, or twice, does nothing. */
    interface Alarm {
        void cancel();
    }
}
