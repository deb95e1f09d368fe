package com.leadlex.importer.leadlex;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * A key's quota kept in its gate's memory only, on the gate's clock: forgotten when the process ends
 * and shared with nobody (unit tests, tools). The gate's lock is the only lock there is to take.
 */
final class MemoryQuotaBook implements QuotaBook {

    private final Clock clock;
    private final KeyQuota quota;

    MemoryQuotaBook(Clock clock) {
        this.clock = clock;
        this.quota = KeyQuota.unknown(clock.instant());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public <T> T change(Function<KeyQuota, T> decision) {
        quota.seenAt(now());
        T result = decision.apply(quota);
        quota.kept();
        return result;
    }

    @Override
    public <T> T changeWord(Function<KeyQuota, T> decision) {
        return change(decision);
    }

    @Override
    public KeyQuota word() {
        return show();
    }

    @Override
    public long countUnmetered(KeyQuota seen, Instant at) {
        // nothing to save here: count it exactly as a metered slot, sequence and all
        return change(quota -> {
            quota.take(at);
            return quota.granted();
        });
    }

    @Override
    public KeyQuota show() {
        quota.seenAt(now());
        return quota;
    }

    @Override
    public void flush() {
    }
}
