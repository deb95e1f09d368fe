package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.util.Map;

/**
 * Where a {@link QuotaGate} keeps what it counted and what LeadLex said, so that the quota outlives
 * the process: a restarted server, or the one-shot command run after it on the same database, starts
 * from what was really used. The gate writes through to it under its own lock, every change at once.
 */
public interface QuotaStore {

    /** Remembers nothing: a gate that forgets everything when its process ends (unit tests, tools). */
    QuotaStore NONE = new QuotaStore() {
        @Override
        public StoredQuota load(String keyHash, Instant now) {
            return StoredQuota.NOTHING;
        }

        @Override
        public void count(String keyHash, Instant at, int delta) {
        }

        @Override
        public void saveServerWord(String keyHash, String keyMask, ServerWord word) {
        }
    };

    /** What was counted for the key from {@code now}'s minute and day on, and LeadLex's last word on it. */
    StoredQuota load(String keyHash, Instant now);

    /** Adds {@code delta} requests (-1 gives a slot back) to the minute and the UTC day of {@code at}. */
    void count(String keyHash, Instant at, int delta);

    /** Replaces LeadLex's last word on the key and the configured limits it was heard under. */
    void saveServerWord(String keyHash, String keyMask, ServerWord word);

    /**
     * LeadLex's word on one key as last heard, and the configured limits at the time.
     *
     * @param configured      the limits the importer paced to when this was written
     * @param serverLimits    the limits {@code X-RateLimit-Limit} named per window, 0 where none was named
     * @param serverRemaining the latest {@code X-RateLimit-Remaining}, or null
     * @param serverResetAt   when that window resets, or null
     * @param blockedUntil    a {@code Retry-After} in force, or null
     */
    record ServerWord(QuotaLimits configured, QuotaLimits serverLimits, Integer serverRemaining,
            Instant serverResetAt, Instant blockedUntil) {
    }

    /**
     * A key as the store had it.
     *
     * @param perMinute requests per epoch minute (seconds / 60)
     * @param perDay    requests per UTC day (seconds / 86,400)
     * @param word      LeadLex's last word, or null when the key was never heard of
     */
    record StoredQuota(Map<Long, Integer> perMinute, Map<Long, Integer> perDay, ServerWord word) {

        static final StoredQuota NOTHING = new StoredQuota(Map.of(), Map.of(), null);

        public StoredQuota {
            perMinute = Map.copyOf(perMinute);
            perDay = Map.copyOf(perDay);
        }
    }
}
