package com.leadlex.importer.sandbox;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides whether a request misbehaves: first the faults a test queued, in order, then the
 * configured random {@code fault-rate} of 503s. Lets the importer's retries be proven on demand.
 */
public class SandboxFaults {

    private static final ScriptedFault RANDOM_FAULT = ScriptedFault.status(503);

    private final double faultRate;
    private final Queue<ScriptedFault> queued = new ConcurrentLinkedQueue<>();

    public SandboxFaults(SandboxProperties properties) {
        this.faultRate = properties.faultRate();
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
        if (faultRate > 0 && ThreadLocalRandom.current().nextDouble() < faultRate) {
            return Optional.of(RANDOM_FAULT);
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
