package com.leadlex.importer.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.leadlex.importer.sandbox.SandboxProperties.Key;

/**
 * Per-key quotas in fixed windows aligned like LeadLex's: minutes on the epoch minute, days from
 * midnight UTC. A request is counted in both windows when admitted; a refused one (429) is not.
 */
public class QuotaWindows {

    private static final long SECONDS_PER_MINUTE = 60;
    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<String, Counters> countersByKey = new ConcurrentHashMap<>();

    /**
     * Counts one request against the key's windows, unless {@code enforce} is set and a window is
     * used up, in which case nothing is counted and the decision is a refusal. {@code now} is the
     * request's arrival on the application clock.
     */
    public QuotaDecision admit(Key key, boolean enforce, Instant now) {
        if (!key.metered()) {
            return QuotaDecision.UNMETERED;
        }
        Counters counters = countersByKey.computeIfAbsent(key.key(), k -> new Counters());
        synchronized (counters) {
            counters.roll(now.getEpochSecond());
            Window minute = new Window(key.requestsPerMinute(), counters.minuteCount,
                    Instant.ofEpochSecond((counters.minute + 1) * SECONDS_PER_MINUTE));
            Window day = new Window(key.requestsPerDay(), counters.dayCount,
                    Instant.ofEpochSecond((counters.day + 1) * SECONDS_PER_DAY));
            Window exhausted = later(minute.exhausted() ? minute : null, day.exhausted() ? day : null);
            if (enforce && exhausted != null) {
                return new QuotaDecision(false, true, exhausted.limit, 0, exhausted.reset);
            }
            counters.minuteCount++;
            counters.dayCount++;
            Window tightest = tightest(minute.afterOneMore(), day.afterOneMore());
            return new QuotaDecision(true, true, tightest.limit, tightest.remaining(), tightest.reset);
        }
    }

    /** Forgets every count, as if no request had been made. */
    public void reset() {
        countersByKey.clear();
    }

    /** The metered window with fewer requests left; on a tie, the one that resets later. */
    private static Window tightest(Window minute, Window day) {
        if (!minute.metered()) {
            return day;
        }
        if (!day.metered()) {
            return minute;
        }
        if (minute.remaining() != day.remaining()) {
            return minute.remaining() < day.remaining() ? minute : day;
        }
        return day;
    }

    private static Window later(Window a, Window b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.reset.isAfter(b.reset) ? a : b;
    }

    /** A window's limit (0 = unmetered), requests used in it, and when it resets. */
    private record Window(int limit, long used, Instant reset) {

        boolean metered() {
            return limit > 0;
        }

        boolean exhausted() {
            return metered() && used >= limit;
        }

        long remaining() {
            return Math.max(0, limit - used);
        }

        Window afterOneMore() {
            return new Window(limit, used + 1, reset);
        }
    }

    /** The counts of one key in its current minute and day; guarded by its own monitor. */
    private static final class Counters {
        private long minute = Long.MIN_VALUE;
        private long day = Long.MIN_VALUE;
        private long minuteCount;
        private long dayCount;

        void roll(long epochSecond) {
            long currentMinute = Math.floorDiv(epochSecond, SECONDS_PER_MINUTE);
            long currentDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
            if (currentMinute != minute) {
                minute = currentMinute;
                minuteCount = 0;
            }
            if (currentDay != day) {
                day = currentDay;
                dayCount = 0;
            }
        }
    }

    /**
     * Whether a request may proceed, and what to put in the {@code X-RateLimit-*} headers.
     *
     * @param allowed   false means answer 429
     * @param metered   false means send no rate-limit headers
     * @param limit     the most constraining window's limit (the exhausted one when refused)
     * @param remaining requests left in that window after this one
     * @param reset     when that window resets
     */
    public record QuotaDecision(boolean allowed, boolean metered, int limit, long remaining, Instant reset) {

        static final QuotaDecision UNMETERED = new QuotaDecision(true, false, 0, 0, null);
    }
}
