package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * A key's quota as the importer sees it right now, for the dashboard, the metrics and the health
 * check: what the plan allows, what the key has used (by every node) in the current minute and UTC
 * day, and the server's latest {@code X-RateLimit-*} word. Reading it never sends a request.
 *
 * @param leftThisMinute  requests still allowed this minute, null when the window is unlimited and the server said nothing
 * @param leftToday       requests still allowed this UTC day, null when unlimited and the server said nothing
 * @param serverRemaining the latest X-RateLimit-Remaining still in force, or null
 * @param serverResetAt   when that server window resets, or null
 * @param blockedUntil    a Retry-After in force, or null
 */
public record QuotaState(
        String key,
        QuotaLimits limits,
        int usedThisMinute,
        Integer leftThisMinute,
        Instant minuteResetsAt,
        int usedToday,
        Integer leftToday,
        Instant dayResetsAt,
        Integer serverRemaining,
        Instant serverResetAt,
        Instant blockedUntil) {

    /** Builds the state from the gate's counts, folding the server's word into the window it speaks of. */
    static QuotaState of(String key, QuotaLimits limits, int usedMinute, Instant minuteReset, int usedDay,
            Instant dayReset, Integer serverRemaining, Instant serverReset, Instant blockedUntil) {
        usedMinute = Math.max(0, usedMinute);
        usedDay = Math.max(0, usedDay);
        Integer leftMinute = limits.perMinute() > 0 ? Math.max(0, limits.perMinute() - usedMinute) : null;
        Integer leftDay = limits.perDay() > 0 ? Math.max(0, limits.perDay() - usedDay) : null;
        Integer serverLeft = serverRemaining == null ? null : Math.max(0, serverRemaining);
        if (serverLeft != null && !serverReset.isAfter(minuteReset)) {
            leftMinute = leftMinute == null ? serverLeft : Math.min(leftMinute, serverLeft);
        } else if (serverLeft != null) {
            leftDay = leftDay == null ? serverLeft : Math.min(leftDay, serverLeft);
        }
        return new QuotaState(key, limits, usedMinute, leftMinute, minuteReset, usedDay, leftDay, dayReset, serverLeft,
                serverReset, blockedUntil);
    }

    /** The next moment a window resets and more requests become possible. */
    public Instant nextReset() {
        if (leftThisMinute != null && leftThisMinute == 0 && leftToday != null && leftToday == 0) {
            return dayResetsAt;
        }
        return leftToday != null && leftToday == 0 ? dayResetsAt : minuteResetsAt;
    }
}
