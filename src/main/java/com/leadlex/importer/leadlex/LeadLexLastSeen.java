package com.leadlex.importer.leadlex;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * LeadLex as the importer last saw it: when it last answered, with what, and whether the key was
 * accepted. The health check reads this instead of calling LeadLex, so a probe never spends quota.
 */
@Component
public class LeadLexLastSeen implements LeadLexActivity {

    private final Clock clock;
    private final AtomicReference<Sighting> last = new AtomicReference<>();

    public LeadLexLastSeen(Clock clock) {
        this.clock = clock;
    }

    /** One answer (or the lack of one): status 0 means LeadLex could not be reached. */
    public record Sighting(Instant at, String key, int status) {

        public boolean reachable() {
            return status != 0;
        }

        /** False only when LeadLex refused the key itself (401) or its permissions (403). */
        public boolean keyAccepted() {
            return status != 401 && status != 403;
        }
    }

    @Override
    public void answered(String key, int status) {
        last.set(new Sighting(clock.instant(), key, status));
    }

    @Override
    public void retrying(String reason) {
        // the answer that caused the retry was already recorded
    }

    @Override
    public void waitedForQuota(java.time.Duration wait) {
        // waiting says nothing about LeadLex itself
    }

    /** The latest answer, or null when LeadLex has not been called since start-up. */
    public Sighting last() {
        return last.get();
    }
}
