package com.leadlex.importer.sandbox;

import java.time.Instant;

/**
 * The contacts export's own limit, on top of the key's quota: so many exports per clock hour for the
 * whole workspace (the sandbox is one workspace, whatever the key). Fixed windows on the hour; an
 * export refused for it is not counted.
 */
public class ExportWindows {

    private static final long SECONDS_PER_HOUR = 3_600;

    private final int perHour;
    private long hour = Long.MIN_VALUE;
    private int used;

    public ExportWindows(SandboxProperties properties) {
        this.perHour = properties.exportsPerHour();
    }

    /** Counts one export at {@code now}, or refuses it (nothing counted) when the hour's exports are used. */
    public synchronized Decision admit(Instant now) {
        long current = Math.floorDiv(now.getEpochSecond(), SECONDS_PER_HOUR);
        if (current != hour) {
            hour = current;
            used = 0;
        }
        Instant reset = Instant.ofEpochSecond((hour + 1) * SECONDS_PER_HOUR);
        if (used >= perHour) {
            return new Decision(false, perHour, reset);
        }
        used++;
        return new Decision(true, perHour, reset);
    }

    public synchronized void reset() {
        hour = Long.MIN_VALUE;
        used = 0;
    }

    /**
     * @param allowed false means answer 429
     * @param limit   exports per hour
     * @param reset   when the current hour ends
     */
    public record Decision(boolean allowed, int limit, Instant reset) {
    }
}
