package com.leadlex.importer.system;

import java.time.Duration;

/**
 * Waiting, made injectable: production code sleeps the thread, tests advance a manual clock, so
 * quota windows and backoff are tested in milliseconds instead of minutes.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleeper() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
