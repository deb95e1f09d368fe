package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (sleep = random(0, min(cap, base·2^n))), so that imports that
 * failed together do not retry together. The random source is injected so tests can seed it.
 */
public class BackoffPolicy {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public BackoffPolicy(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The upper bound of the wait before retry number {@code retry} (0 for the first retry). */
    public Duration ceiling(int retry) {
        long baseMillis = Math.max(1, base.toMillis());
        int shift = Math.min(Math.max(0, retry), 30);
        long exponential = baseMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : baseMillis << shift;
        return Duration.ofMillis(Math.min(cap.toMillis(), exponential));
    }

    /** A random wait in [0, ceiling(retry)]. */
    public Duration delay(int retry) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
