package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A key's quota as a plan of future requests needs it, taken from its {@link QuotaGate} at one
 * instant: the limits to plan with (the configured ones, tightened by any {@code X-RateLimit-Limit}
 * LeadLex named), the requests already counted per epoch minute and per UTC day (sent this minute
 * and day, or reserved by a request now waiting for its slot), the server's latest
 * {@code X-RateLimit-Remaining} window, a {@code Retry-After} in force, and LeadLex's typical answer time.
 *
 * @param at              when the outlook was taken: the plan's "now"
 * @param countsByMinute  requests counted per epoch minute (seconds / 60), from {@code at}'s minute on
 * @param countsByDay     requests counted per UTC day (seconds / 86,400), from {@code at}'s day on
 * @param serverRemaining requests the server still allows before {@code serverResetAt}, or null
 * @param serverResetAt   when that window resets, or null
 * @param blockedUntil    a Retry-After in force, or null
 * @param answerTime      how long LeadLex typically takes to answer, or null before it first answered
 * @param maxWait         the longest a request waits for its slot before its import pauses instead
 */
public record QuotaOutlook(
        Instant at,
        QuotaLimits limits,
        NavigableMap<Long, Integer> countsByMinute,
        NavigableMap<Long, Integer> countsByDay,
        Integer serverRemaining,
        Instant serverResetAt,
        Instant blockedUntil,
        Duration answerTime,
        Duration maxWait) {

    public QuotaOutlook {
        countsByMinute = Collections.unmodifiableNavigableMap(new TreeMap<>(countsByMinute));
        countsByDay = Collections.unmodifiableNavigableMap(new TreeMap<>(countsByDay));
    }

    /** A key nothing is known about yet at {@code at}, paced to {@code limits}. */
    public static QuotaOutlook fresh(Instant at, QuotaLimits limits, Duration maxWait) {
        return new QuotaOutlook(at, limits, new TreeMap<>(), new TreeMap<>(), null, null, null, null, maxWait);
    }

    /** The same outlook with requests already counted, {@code perMinute} this minute and {@code perDay} today. */
    public QuotaOutlook withUsed(int thisMinute, int today) {
        NavigableMap<Long, Integer> minutes = new TreeMap<>(countsByMinute);
        NavigableMap<Long, Integer> days = new TreeMap<>(countsByDay);
        minutes.merge(Math.floorDiv(at.getEpochSecond(), 60), thisMinute, Integer::sum);
        days.merge(Math.floorDiv(at.getEpochSecond(), 86_400), today, Integer::sum);
        return new QuotaOutlook(at, limits, minutes, days, serverRemaining, serverResetAt, blockedUntil, answerTime,
                maxWait);
    }

    /** The same outlook, knowing LeadLex's typical answer time. */
    public QuotaOutlook withAnswerTime(Duration typical) {
        return new QuotaOutlook(at, limits, countsByMinute, countsByDay, serverRemaining, serverResetAt, blockedUntil,
                typical, maxWait);
    }

    /** Whether anything (a limit, the server's window, a Retry-After) bounds when requests may go out. */
    public boolean bounded() {
        return limits.any() || serverResetAt != null || blockedUntil != null;
    }

    /** Requests counted today (sent, or reserved for later today). */
    public int usedToday() {
        return countsByDay.getOrDefault(Math.floorDiv(at.getEpochSecond(), 86_400), 0);
    }
}
