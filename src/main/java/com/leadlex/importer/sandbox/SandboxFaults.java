package com.leadlex.importer.sandbox;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a request misbehaves: first the faults a test queued, in order, then, at random,
 * the configured {@code fault-rate} of 503s, {@code drop-before-rate} of connections closed before
 * processing and {@code drop-after-rate} of connections closed after it (one draw, so the shares
 * add up). Lets the importer's retries be proven on demand.
 */
public class SandboxFaults {

    private static final ScriptedFault RANDOM_FAULT = ScriptedFault.status(503);
    private static final ScriptedFault RANDOM_DROP_BEFORE = ScriptedFault.dropBeforeProcessing();
    private static final ScriptedFault RANDOM_DROP_AFTER = ScriptedFault.dropAfterProcessing();

    private final double faultRate;
    private final double dropBeforeRate;
    private final double dropAfterRate;
    private final Queue<ScriptedFault> queued = new ConcurrentLinkedQueue<>();

    public SandboxFaults(SandboxProperties properties) {
        this.faultRate = properties.faultRate();
        this.dropBeforeRate = properties.dropBeforeRate();
        this.dropAfterRate = properties.dropAfterRate();
    }

    /** The next {@code requests} requests get {@code fault}, after any faults queued before. */
    public void queue(int requests, ScriptedFault fault) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative, was " + requests);
        }
        for (int i = 0; i < requests; i++) {
            queued.add(fault);
        }
    }

    /** The fault for the request at hand, if any; takes it off the queue. */
    public Optional<ScriptedFault> next() {
        ScriptedFault fault = queued.poll();
        if (fault != null) {
            return Optional.of(fault);
        }
        if (faultRate + dropBeforeRate + dropAfterRate <= 0) {
            return Optional.empty();
        }
        double draw = ThreadLocalRandom.current().nextDouble();
        if (draw < faultRate) {
            return Optional.of(RANDOM_FAULT);
        }
        if (draw < faultRate + dropBeforeRate) {
            return Optional.of(RANDOM_DROP_BEFORE);
        }
        if (draw < faultRate + dropBeforeRate + dropAfterRate) {
            return Optional.of(RANDOM_DROP_AFTER);
        }
        return Optional.empty();
    }

    /** Faults still queued. */
    public int pending() {
        return queued.size();
    }

    public void clear() {
        queued.clear();
    }
}
