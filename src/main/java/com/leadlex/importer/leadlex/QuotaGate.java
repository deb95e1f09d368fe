package com.leadlex.importer.leadlex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import com.leadlex.importer.system.HumanTime;

/**
 * Paces every request made with one API key, across all imports in the process, so that requests stay
 * inside LeadLex's quota instead of being refused. It counts requests in fixed windows aligned like
 * LeadLex's (epoch minutes, UTC days), believes the server's {@code X-RateLimit-*} hints when they are
 * stricter, and stops the whole key after a {@code Retry-After}. Callers ask for a slot, wait what they
 * are told, then confirm; slots are granted first come, first served (a fair lock), so a small import
 * queues behind the slots already granted, never behind a big import's future chunks. A wait beyond
 * {@code max-wait} is refused with {@link QuotaExhaustedException} so the import can pause instead.
 *
 * <p>Every count and every word from LeadLex is written through to a {@link QuotaStore} at once, and
 * a new gate starts from what the store holds: a restarted server, or the command line run after it
 * on the same database, knows what this key used this minute and this UTC day.
 */
public class QuotaGate {

    private static final Duration SLOT_MEMORY = Duration.ofMinutes(5);

    private final Clock clock;
    private final QuotaLimits limits;
    private final Duration maxWait;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final NavigableMap<Long, Integer> perMinute = new TreeMap<>();
    private final NavigableMap<Long, Integer> perDay = new TreeMap<>();
    private final Deque<QuotaSlot> recentSlots = new ArrayDeque<>();
    private ServerWindow serverWindow;
    private Instant blockedUntil = Instant.EPOCH;
    private long nextSequence;
    private final LearnedQuota learned = new LearnedQuota();
    private final QuotaStore store;
    private final String keyHash;
    private final String keyMask;
    private boolean oneRequestNow;
    private long oneRequestNowSlot = -1;

    /** The server's latest word on its own window: at most {@code remaining} more requests before resetAt. */
    private record ServerWindow(Instant resetAt, int remaining) {
    }

    private record Earliest(Instant at, String reason) {
    }

    /** A gate that remembers nothing beyond its own life. */
    public QuotaGate(Clock clock, QuotaLimits limits, Duration maxWait) {
        this(clock, limits, maxWait, QuotaStore.NONE, "", "");
    }

    /**
     * A gate that starts from what {@code store} remembers of the key and writes every change back.
     * LeadLex's stored {@code X-RateLimit-*} word is dropped when the configured limits were raised
     * since it was heard: it was spoken under the old plan. A Retry-After is kept.
     */
    public QuotaGate(Clock clock, QuotaLimits limits, Duration maxWait, QuotaStore store, String keyHash,
            String keyMask) {
        this.clock = clock;
        this.limits = limits;
        this.maxWait = maxWait;
        this.store = store;
        this.keyHash = keyHash;
        this.keyMask = keyMask;
        restore(store.load(keyHash, clock.instant()));
    }

    private void restore(QuotaStore.StoredQuota stored) {
        perMinute.putAll(stored.perMinute());
        perDay.putAll(stored.perDay());
        QuotaStore.ServerWord word = stored.word();
        if (word != null) {
            boolean raised = limits.allowsMoreThan(word.configured());
            if (!raised) {
                learned.restore(word.serverLimits());
            }
            if (word.serverRemaining() != null && word.serverResetAt() != null && !raised) {
                serverWindow = new ServerWindow(word.serverResetAt(), word.serverRemaining());
            }
            blockedUntil = word.blockedUntil() == null ? Instant.EPOCH : word.blockedUntil();
        }
        forgetBefore(clock.instant());
        remember();
    }

    /**
     * Counts a request at the earliest instant the quota allows and says how long to wait for it.
     *
     * @param attemptsSoFar requests already made for the chunk, reported if the wait is refused
     * @throws QuotaExhaustedException when that instant is further than max-wait; nothing is counted
     */
    public QuotaSlot reserve(int attemptsSoFar) {
        lock.lock();
        try {
            Instant now = clock.instant();
            forgetBefore(now);
            Earliest earliest = oneRequestNow ? new Earliest(now, "resumed now by an operator: LeadLex's answer "
                    + "tells whether the quota is there") : earliestFree(now);
            boolean resumedNow = oneRequestNow;
            oneRequestNow = false;
            Duration wait = Duration.between(now, earliest.at());
            if (wait.compareTo(maxWait) > 0) {
                throw new QuotaExhaustedException(earliest.at(), attemptsSoFar, "The next request LeadLex allows on this key is at "
                        + HumanTime.dayAndTime(earliest.at()) + " (" + earliest.reason() + "), in "
                        + HumanTime.duration(wait) + ": longer than leadlex.max-wait (" + HumanTime.duration(maxWait)
                        + "), so the import pauses until then and resumes by itself");
            }
            count(earliest.at(), 1);
            if (serverWindow != null && earliest.at().isBefore(serverWindow.resetAt())) {
                serverWindow = new ServerWindow(serverWindow.resetAt(), serverWindow.remaining() - 1);
            }
            QuotaSlot slot = new QuotaSlot(nextSequence++, earliest.at(), wait, earliest.reason());
            recentSlots.addLast(slot);
            if (resumedNow) {
                oneRequestNowSlot = slot.sequence();
            }
            return slot;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called after waiting, right before sending: false (and the slot is given back) when the gate was
     * blocked by a Retry-After meanwhile, or when the slot's minute has passed so the server would count
     * the request in a window it was not counted in. The caller then reserves again.
     */
    public boolean confirm(QuotaSlot slot) {
        lock.lock();
        try {
            Instant now = clock.instant();
            boolean resumedNow = slot.sequence() == oneRequestNowSlot;
            // the one request an operator let out goes despite a block: LeadLex's answer is the point
            boolean blocked = blockedUntil.isAfter(now) && !resumedNow;
            boolean late = minute(now) != minute(slot.at());
            if (blocked || late) {
                oneRequestNow |= resumedNow;
                count(slot.at(), -1);
                if (serverWindow != null && slot.at().isBefore(serverWindow.resetAt())) {
                    serverWindow = new ServerWindow(serverWindow.resetAt(), serverWindow.remaining() + 1);
                }
                recentSlots.remove(slot);
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Learns from a response: its X-RateLimit headers, and how long LeadLex took to answer (for
     * planning); {@code slot} is the one the request was sent in.
     */
    public void learn(QuotaSlot slot, RateLimitHeaders headers) {
        lock.lock();
        try {
            Instant now = clock.instant();
            QuotaLimits namedBefore = learned.serverLimits();
            learned.observe(slot.at(), headers, now);
            boolean windowNews = headers.remaining() != null && headers.reset() != null
                    && headers.reset().isAfter(now);
            if (windowNews) {
                // requests granted after this one may already have been counted by the server, or soon will be
                long grantedLater = recentSlots.stream()
                        .filter(s -> s.sequence() > slot.sequence() && s.at().isBefore(headers.reset())).count();
                adopt(new ServerWindow(headers.reset(), (int) (headers.remaining() - grantedLater)), now);
            }
            if (windowNews || !learned.serverLimits().equals(namedBefore)) {
                remember();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A 429 said Retry-After: nobody sends on this key before {@code until}. */
    public void blockUntil(Instant until) {
        lock.lock();
        try {
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
                remember();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * LeadLex accepted the request sent in {@code slot}: whatever the gate believed about a block or
     * an empty server window at that moment was wrong (the limits were raised, or the block lifted),
     * so it no longer holds anyone back. Local counts stay: they are what was really sent.
     */
    public void accepted(QuotaSlot slot) {
        lock.lock();
        try {
            boolean changed = false;
            if (blockedUntil.isAfter(slot.at())) {
                blockedUntil = Instant.EPOCH;
                changed = true;
            }
            if (serverWindow != null && serverWindow.remaining() < 0 && slot.at().isBefore(serverWindow.resetAt())) {
                // it had 0 left when the slot was taken (reserving counted it down to -1), yet it took it
                serverWindow = null;
                changed = true;
            }
            if (changed) {
                remember();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Lets the next request on this key go out at once, whatever the counts and LeadLex's last word
     * say: an operator resumed an import now, and LeadLex's answer (accepted, or 429 with when to come
     * back) tells whether the quota is really there. One request only.
     */
    public void allowOneRequestNow() {
        lock.lock();
        try {
            oneRequestNow = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The earliest instant a request asked for now could be sent, without reserving it: what a paused
     * import on this key can be planned to resume at.
     */
    public Instant nextFreeAt() {
        lock.lock();
        try {
            Instant now = clock.instant();
            forgetBefore(now);
            return earliestFree(now).at();
        } finally {
            lock.unlock();
        }
    }

    /** What is used and left right now, under {@code maskedKey}; sends nothing, changes nothing that matters. */
    public QuotaState state(String maskedKey) {
        lock.lock();
        try {
            Instant now = clock.instant();
            forgetBefore(now);
            return QuotaState.of(maskedKey, limits, perMinute.getOrDefault(minute(now), 0),
                    Instant.ofEpochSecond((minute(now) + 1) * 60), perDay.getOrDefault(day(now), 0),
                    Instant.ofEpochSecond((day(now) + 1) * 86_400), serverWindow == null ? null : serverWindow.remaining(),
                    serverWindow == null ? null : serverWindow.resetAt(), blockedUntil.isAfter(now) ? blockedUntil : null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Everything a plan of future requests on this key needs: the requests counted (sent or
     * reserved) from this minute and day on, the limits to plan with, the server's window, a
     * Retry-After in force and LeadLex's typical answer time. Sends nothing, changes nothing that matters.
     */
    public QuotaOutlook outlook() {
        lock.lock();
        try {
            Instant now = clock.instant();
            forgetBefore(now);
            return new QuotaOutlook(now, limits.stricter(learned.serverLimits()), new TreeMap<>(perMinute),
                    new TreeMap<>(perDay), serverWindow == null ? null : serverWindow.remaining(),
                    serverWindow == null ? null : serverWindow.resetAt(),
                    blockedUntil.isAfter(now) ? blockedUntil : null, learned.answerTime(), maxWait);
        } finally {
            lock.unlock();
        }
    }

    private void adopt(ServerWindow candidate, Instant now) {
        ServerWindow current = serverWindow;
        if (current == null || !current.resetAt().isAfter(now)) {
            serverWindow = candidate;
        } else if (current.remaining() <= 0 && candidate.resetAt().isBefore(current.resetAt())) {
            return; // an exhausted longer window (the day) outranks news about a shorter one
        } else {
            // a later answer about the same window showing more room is believed too: the limit was
            // raised (answers out of order are already corrected for the slots granted after them)
            serverWindow = candidate;
        }
    }

    private Earliest earliestFree(Instant now) {
        Instant at = now;
        String reason = "quota available";
        if (blockedUntil.isAfter(at)) {
            at = blockedUntil;
            reason = "Retry-After from LeadLex";
        }
        while (true) {
            if (serverWindow != null && serverWindow.remaining() <= 0 && serverWindow.resetAt().isAfter(at)) {
                at = serverWindow.resetAt();
                reason = "X-RateLimit-Remaining 0 until X-RateLimit-Reset";
            } else if (limits.perMinute() > 0 && perMinute.getOrDefault(minute(at), 0) >= limits.perMinute()) {
                at = Instant.ofEpochSecond((minute(at) + 1) * 60);
                reason = limits.perMinute() + " requests per minute used";
            } else if (limits.perDay() > 0 && perDay.getOrDefault(day(at), 0) >= limits.perDay()) {
                at = Instant.ofEpochSecond((day(at) + 1) * 86_400);
                reason = limits.perDay() + " requests per day used, the day resets at midnight UTC";
            } else {
                return new Earliest(at, reason);
            }
        }
    }

    private void count(Instant at, int delta) {
        perMinute.merge(minute(at), delta, Integer::sum);
        perDay.merge(day(at), delta, Integer::sum);
        store.count(keyHash, at, delta);
    }

    /** Writes LeadLex's word on the key, as the gate now holds it, through to the store. */
    private void remember() {
        ServerWindow window = serverWindow;
        store.saveServerWord(keyHash, keyMask, new QuotaStore.ServerWord(limits, learned.serverLimits(),
                window == null ? null : window.remaining(), window == null ? null : window.resetAt(),
                blockedUntil.equals(Instant.EPOCH) ? null : blockedUntil));
    }

    private void forgetBefore(Instant now) {
        perMinute.headMap(minute(now)).clear();
        perDay.headMap(day(now)).clear();
        Instant horizon = now.minus(SLOT_MEMORY);
        while (!recentSlots.isEmpty() && recentSlots.peekFirst().at().isBefore(horizon)) {
            recentSlots.removeFirst();
        }
        if (serverWindow != null && !serverWindow.resetAt().isAfter(now)) {
            serverWindow = null;
        }
    }

    private static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    private static long day(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400);
    }
}
