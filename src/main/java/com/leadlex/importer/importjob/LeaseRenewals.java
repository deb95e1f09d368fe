package com.leadlex.importer.importjob;

import java.time.Duration;

/**
 * When this instance last renewed its import leases, on the monotonic clock: leases renewed within
 * their time to live still hold; past it, another node may have taken the imports over. Measured in
 * elapsed time rather than on the application clock, so a clock that jumps (or a test's manual one)
 * does not make a healthy node look lapsed.
 */
public final class LeaseRenewals {

    private final long createdNanos = System.nanoTime();
    private volatile long lastSuccessNanos = createdNanos;
    private volatile String lastFailure;

    void succeeded() {
        lastSuccessNanos = System.nanoTime();
        lastFailure = null;
    }

    void failed(String reason) {
        lastFailure = reason;
    }

    State state(Duration ttl, boolean holdsLeases) {
        Duration sinceRenewal = Duration.ofNanos(System.nanoTime() - lastSuccessNanos);
        return new State(holdsLeases, sinceRenewal, holdsLeases && sinceRenewal.compareTo(ttl) > 0, lastFailure);
    }

    /**
     * @param holdsLeases  whether this instance holds any import's lease
     * @param sinceRenewal time since the last successful renewal (or since start-up)
     * @param lapsed       it holds leases and has not renewed them within their time to live
     * @param lastFailure  why the last renewal failed, or null when it succeeded
     */
    public record State(boolean holdsLeases, Duration sinceRenewal, boolean lapsed, String lastFailure) {
    }
}
