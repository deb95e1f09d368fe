package com.leadlex.importer.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move by hand; {@link #sleeper()} turns every wait into a clock advance. A test
 * can hold the waits ({@link #beforeEachWait}) to look at the application while it waits.
 */
public class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private volatile Sleeper beforeEachWait = duration -> { };

    public ManualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    public Sleeper sleeper() {
        return duration -> {
            beforeEachWait.sleep(duration);
            advance(duration);
        };
    }

    /**
     * Runs {@code hook} in the waiting thread before each wait advances the clock: a hook that blocks
     * holds the application in that wait until it returns.
     */
    public void beforeEachWait(Sleeper hook) {
        beforeEachWait = hook == null ? duration -> { } : hook;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
