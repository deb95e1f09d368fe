package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One API key's quota as everyone who shares the key sees it at one instant ({@link #at()}): the
 * requests counted per epoch minute and per UTC day, LeadLex's word on the key (the limits its
 * {@code X-RateLimit-Limit} named, its latest remaining count and reset, a {@code Retry-After} in
 * force), how many slots were ever granted on it, and an operator's "one request now". A
 * {@link QuotaGate} decides on it under the key's lock; it notes what the decision changed, so that
 * a {@link QuotaBook} keeping it in the database writes only that. Not thread-safe.
 */
final class KeyQuota {

    /** The earliest instant a request may go out, and why not sooner. */
    record Earliest(Instant at, String reason) {
    }

    /** A request counted ({@code delta} 1) or given back (-1) in the minute and day of {@code at}. */
    record Counted(Instant at, int delta) {
    }

    private final NavigableMap<Long, Integer> perMinute = new TreeMap<>();
    private final NavigableMap<Long, Integer> perDay = new TreeMap<>();
    private final List<Counted> counted = new ArrayList<>();
    private Instant at;
    private QuotaLimits configured;
    private QuotaLimits serverLimits;
    private Integer serverRemaining;
    private Instant serverResetAt;
    private Instant blockedUntil;
    private long granted;
    private boolean oneRequestNow;
    private boolean wordChanged;

    /**
     * @param configured   the limits the importer paced to when LeadLex's word was heard
     * @param serverLimits the limits {@code X-RateLimit-Limit} named per window, 0 where none was named
     * @param granted      slots granted on the key so far: the last slot's sequence number
     */
    KeyQuota(Instant at, QuotaLimits configured, QuotaLimits serverLimits, Integer serverRemaining,
            Instant serverResetAt, Instant blockedUntil, long granted, boolean oneRequestNow) {
        this.at = at;
        this.configured = configured;
        this.serverLimits = serverLimits;
        this.serverRemaining = serverResetAt == null ? null : serverRemaining;
        this.serverResetAt = serverRemaining == null ? null : serverResetAt;
        this.blockedUntil = blockedUntil;
        this.granted = granted;
        this.oneRequestNow = oneRequestNow;
    }

    /** A key nothing was ever counted or heard for. */
    static KeyQuota unknown(Instant at) {
        return new KeyQuota(at, QuotaLimits.unlimited(), QuotaLimits.unlimited(), null, null, null, 0, false);
    }

    /** Moves the quota to {@code now}, forgetting windows that are over (a quota kept in memory). */
    void seenAt(Instant now) {
        at = now;
        perMinute.headMap(minute(now)).clear();
        perDay.headMap(day(now)).clear();
    }

    void countedInMinute(long minute, int used) {
        perMinute.merge(minute, used, Integer::sum);
    }

    void countedInDay(long day, int used) {
        perDay.merge(day, used, Integer::sum);
    }

    /** The earliest instant from {@link #at()} on that {@code limits}, LeadLex's word and a Retry-After allow. */
    Earliest earliestFree(QuotaLimits limits) {
        Instant free = at;
        String reason = "quota available";
        if (blockedUntil != null && blockedUntil.isAfter(free)) {
            free = blockedUntil;
            reason = "Retry-After from LeadLex";
        }
        while (true) {
            if (serverResetAt != null && serverRemaining <= 0 && serverResetAt.isAfter(free)) {
                free = serverResetAt;
                reason = "X-RateLimit-Remaining 0 until X-RateLimit-Reset";
            } else if (limits.perMinute() > 0 && perMinute.getOrDefault(minute(free), 0) >= limits.perMinute()) {
                free = Instant.ofEpochSecond((minute(free) + 1) * 60);
                reason = limits.perMinute() + " requests per minute used";
            } else if (limits.perDay() > 0 && perDay.getOrDefault(day(free), 0) >= limits.perDay()) {
                free = Instant.ofEpochSecond((day(free) + 1) * 86_400);
                reason = limits.perDay() + " requests per day used, the day resets at midnight UTC";
            } else {
                return new Earliest(free, reason);
            }
        }
    }

    /**
     * True when nothing limits the key but the configuration (nor has LeadLex ever named a limit),
     * so a request may go at once without the lock the metered keys' reservations take.
     */
    boolean nothingMeters() {
        return !serverLimits.any() && remaining() == null && blockedUntil() == null && !oneRequestNow;
    }

    /** Grants a slot at {@code slotAt}: counted in its windows, taken off LeadLex's remaining count. */
    void take(Instant slotAt) {
        count(slotAt, 1);
        if (serverResetAt != null && slotAt.isBefore(serverResetAt)) {
            serverRemaining--;
        }
        granted++;
        wordChanged = true;
    }

    /**
     * A slot that was not used. Its count goes; LeadLex's remaining count stays as it is: the answer
     * that set it may already have left this slot out, and the next answer sets it right anyway.
     */
    void giveBack(Instant slotAt) {
        count(slotAt, -1);
    }

    private void count(Instant slotAt, int delta) {
        perMinute.merge(minute(slotAt), delta, Integer::sum);
        perDay.merge(day(slotAt), delta, Integer::sum);
        counted.add(new Counted(slotAt, delta));
    }

    /** LeadLex's answer to the request granted as number {@code answered}. */
    void heard(long answered, RateLimitHeaders headers) {
        QuotaLimits named = LearnedQuota.named(serverLimits, headers, at);
        if (!named.equals(serverLimits)) {
            serverLimits = named;
            wordChanged = true;
        }
        if (headers.remaining() != null && headers.reset() != null && headers.reset().isAfter(at)) {
            // slots granted after the answered one, on any node, may not be in LeadLex's count yet
            long grantedLater = Math.max(0, granted - answered);
            adopt(headers.reset(), (int) Math.max(Integer.MIN_VALUE, headers.remaining() - grantedLater));
            wordChanged = true;
        }
    }

    private void adopt(Instant resetAt, int remaining) {
        if (remaining() != null && serverRemaining <= 0 && resetAt.isBefore(serverResetAt)) {
            return; // an exhausted longer window (the day) outranks news about a shorter one
        }
        // a later answer about the same window showing more room is believed too: the limit was raised
        // (answers out of order are already corrected for the slots granted after them)
        serverResetAt = resetAt;
        serverRemaining = remaining;
    }

    /** A 429 said Retry-After: nobody sends on this key before {@code until}. */
    void block(Instant until) {
        if (blockedUntil == null || until.isAfter(blockedUntil)) {
            blockedUntil = until;
            wordChanged = true;
        }
    }

    /**
     * The request an operator let out at {@code slotAt} despite everything was accepted: a block or an
     * empty server window in force then was wrong (the limits were raised, or the block lifted).
     */
    void acceptedDespite(Instant slotAt) {
        if (blockedUntil != null && blockedUntil.isAfter(slotAt)) {
            blockedUntil = null;
            wordChanged = true;
        }
        if (serverResetAt != null && serverRemaining < 0 && slotAt.isBefore(serverResetAt)) {
            // it had 0 left when the slot was taken (reserving counted it below 0), yet LeadLex took it
            serverRemaining = null;
            serverResetAt = null;
            wordChanged = true;
        }
    }

    /**
     * The importer now paces to {@code limits}. LeadLex's remaining count and named limits heard when
     * the configured limits were lower were spoken under the old plan and go; a Retry-After stays.
     */
    void pacedTo(QuotaLimits limits) {
        if (limits.allowsMoreThan(configured)) {
            serverLimits = QuotaLimits.unlimited();
            serverRemaining = null;
            serverResetAt = null;
            wordChanged = true;
        }
        if (!limits.equals(configured)) {
            configured = limits;
            wordChanged = true;
        }
    }

    void armOneRequestNow() {
        oneRequestNow = true;
        wordChanged = true;
    }

    /** True once after {@link #armOneRequestNow()}: this request is the one let out. */
    boolean takeOneRequestNow() {
        boolean armed = oneRequestNow;
        oneRequestNow = false;
        wordChanged |= armed;
        return armed;
    }

    /** The changes have been kept: nothing is left to write. */
    void kept() {
        counted.clear();
        wordChanged = false;
    }

    Instant at() {
        return at;
    }

    List<Counted> counted() {
        return List.copyOf(counted);
    }

    boolean wordChanged() {
        return wordChanged;
    }

    QuotaLimits configured() {
        return configured;
    }

    QuotaLimits serverLimits() {
        return serverLimits;
    }

    long granted() {
        return granted;
    }

    boolean oneRequestNow() {
        return oneRequestNow;
    }

    /** LeadLex's remaining count while its window lasts, else null. */
    Integer remaining() {
        return serverResetAt != null && serverResetAt.isAfter(at) ? serverRemaining : null;
    }

    /** When the window of {@link #remaining()} resets, or null. */
    Instant resetAt() {
        return remaining() == null ? null : serverResetAt;
    }

    /** A Retry-After in force, or null. */
    Instant blockedUntil() {
        return blockedUntil != null && blockedUntil.isAfter(at) ? blockedUntil : null;
    }

    NavigableMap<Long, Integer> perMinute() {
        return new TreeMap<>(perMinute.tailMap(minute(at), true));
    }

    NavigableMap<Long, Integer> perDay() {
        return new TreeMap<>(perDay.tailMap(day(at), true));
    }

    static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    static long day(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400);
    }
}
