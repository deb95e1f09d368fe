package com.leadlex.importer.leadlex;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.leadlex.importer.system.HumanTime;

/**
 * Paces every request made with one API key so that requests stay inside LeadLex's quota instead of
 * being refused. It counts requests in fixed windows aligned like LeadLex's (epoch minutes, UTC
 * days), believes the server's {@code X-RateLimit-*} hints when they are stricter, and stops the
 * whole key after a {@code Retry-After}. Callers ask for a slot, wait what they are told, then
 * confirm; slots are granted first come, first served, so a small import queues behind the slots
 * already granted, never behind a big import's future chunks. A wait beyond {@code max-wait} is
 * refused with {@link QuotaExhaustedException} so the import can pause instead.
 *
 * <p>The quota itself lives in a {@link QuotaBook}: in the database, it is one quota for every node,
 * the command line and a restarted server on it, and each decision holds the key's row lock briefly.
 * The gate's fair lock stands in front of it, so that one process's threads queue in order and only
 * one of them at a time waits for the database.
 */
public class QuotaGate {

    private static final String RESUMED_NOW = "resumed now by an operator: LeadLex's answer tells whether the quota "
            + "is there";

    private final QuotaLimits limits;
    private final Duration maxWait;
    private final QuotaBook book;
    /**
     * How long a key that nothing meters goes by the database's last word on this node: two reads
     * of the key's row a request cost more than the request itself, and what they guard against on
     * such a key (LeadLex starting to meter it, or a Retry-After heard by another node) is learnt
     * from LeadLex's answer anyway. What this gate hears itself is seen at once.
     */
    private static final Duration UNMETERED_WORD_HELD = Duration.ofSeconds(1);

    private final ReentrantLock lock = new ReentrantLock(true);
    private final LearnedQuota learned = new LearnedQuota();
    /** The one request an operator let out, from its grant until LeadLex accepted it. */
    private QuotaSlot letOut;
    private KeyQuota heldWord;
    private Instant heldWordReadAt;

    private record Granted(QuotaSlot slot, boolean letOut) {
    }

    /** A gate that remembers nothing beyond its own life, on {@code clock}. */
    public QuotaGate(Clock clock, QuotaLimits limits, Duration maxWait) {
        this(clock, limits, maxWait, QuotaStore.NONE, "", "");
    }

    /**
     * A gate on the key's quota as {@code store} keeps it; a store of its own time (the database) cuts
     * the windows by that, not by {@code clock}. LeadLex's kept {@code X-RateLimit-*} word is dropped
     * when the configured limits were raised since it was heard: it was spoken under the old plan. A
     * Retry-After is kept.
     */
    public QuotaGate(Clock clock, QuotaLimits limits, Duration maxWait, QuotaStore store, String keyHash,
            String keyMask) {
        this.limits = limits;
        this.maxWait = maxWait;
        this.book = store.book(keyHash, keyMask, clock);
        book.changeWord(quota -> {
            quota.pacedTo(limits);
            return null;
        });
    }

    /**
     * Counts a request at the earliest instant the quota allows and says how long to wait for it.
     *
     * @param attemptsSoFar requests already made for the chunk, reported if the wait is refused
     * @throws QuotaExhaustedException when that instant is further than max-wait; nothing is counted
     */
    public QuotaSlot reserve(int attemptsSoFar) {
        return locked(() -> {
            if (!limits.any()) {
                KeyQuota seen = word();
                if (seen.nothingMeters()) {
                    return new QuotaSlot(book.countUnmetered(seen, seen.at()), seen.at(), Duration.ZERO,
                            "quota available");
                }
            }
            forgetWord();
            Granted granted = book.change(quota -> grant(quota, attemptsSoFar));
            if (granted.letOut()) {
                letOut = granted.slot();
            }
            return granted.slot();
        });
    }

    private Granted grant(KeyQuota quota, int attemptsSoFar) {
        Instant now = quota.at();
        boolean resumedNow = quota.takeOneRequestNow();
        KeyQuota.Earliest earliest = resumedNow ? new KeyQuota.Earliest(now, RESUMED_NOW) : quota.earliestFree(limits);
        Duration wait = Duration.between(now, earliest.at());
        if (wait.compareTo(maxWait) > 0) {
            throw new QuotaExhaustedException(earliest.at(), attemptsSoFar, "The next request LeadLex allows on this key "
                    + "is at " + HumanTime.dayAndTime(earliest.at()) + " (" + earliest.reason() + "), in "
                    + HumanTime.duration(wait) + ": longer than leadlex.max-wait (" + HumanTime.duration(maxWait)
                    + "), so the import pauses until then and resumes by itself");
        }
        quota.take(earliest.at());
        return new Granted(new QuotaSlot(quota.granted(), earliest.at(), wait, earliest.reason()), resumedNow);
    }

    /**
     * Called after waiting, right before sending: false (and the slot is given back) when the key was
     * blocked by a Retry-After meanwhile, on any node, or when the slot's minute has passed so the
     * server would count the request in a window it was not counted in. The caller then reserves again.
     */
    public boolean confirm(QuotaSlot slot) {
        return locked(() -> {
            KeyQuota seen = word();
            boolean resumedNow = slot.equals(letOut);
            // the one request an operator let out goes despite a block: LeadLex's answer is the point
            boolean blocked = seen.blockedUntil() != null && !resumedNow;
            boolean late = KeyQuota.minute(seen.at()) != KeyQuota.minute(slot.at());
            if (!blocked && !late) {
                return true;
            }
            forgetWord();
            book.changeWord(quota -> {
                quota.giveBack(slot.at());
                if (resumedNow) {
                    quota.armOneRequestNow();
                }
                return null;
            });
            if (resumedNow) {
                letOut = null;
            }
            return false;
        });
    }

    /**
     * Learns from a response: its X-RateLimit headers, for every node, and how long LeadLex took to
     * answer (for this node's plans); {@code slot} is the one the request was sent in.
     */
    public void learn(QuotaSlot slot, RateLimitHeaders headers) {
        locked(() -> {
            Instant now = book.now();
            learned.observe(slot.at(), now);
            boolean news = headers.reset() != null && headers.reset().isAfter(now)
                    && (headers.remaining() != null || headers.limit() != null);
            if (news) {
                forgetWord();
                book.changeWord(quota -> {
                    quota.heard(slot.sequence(), headers);
                    return null;
                });
            }
            return null;
        });
    }

    /** A 429 said Retry-After: nobody, on any node, sends on this key before {@code until}. */
    public void blockUntil(Instant until) {
        locked(() -> {
            forgetWord();
            return book.changeWord(quota -> {
                quota.block(until);
                return null;
            });
        });
    }

    /**
     * LeadLex accepted the request sent in {@code slot}. When that was the one request an operator let
     * out, whatever the gate believed about a block or an empty server window was wrong (the limits
     * were raised, or the block lifted), so it no longer holds anyone back. Any other request proves
     * nothing: a block may have come from another request, on another node, after it was sent.
     */
    public void accepted(QuotaSlot slot) {
        locked(() -> {
            if (slot.equals(letOut)) {
                letOut = null;
                forgetWord();
                book.changeWord(quota -> {
                    quota.acceptedDespite(slot.at());
                    return null;
                });
            }
            return null;
        });
    }

    /**
     * Lets the next request on this key, from whichever node, go out at once, whatever the counts and
     * LeadLex's last word say: an operator resumed an import now, and LeadLex's answer (accepted, or
     * 429 with when to come back) tells whether the quota is really there. One request only.
     */
    public void allowOneRequestNow() {
        locked(() -> {
            forgetWord();
            return book.changeWord(quota -> {
                quota.armOneRequestNow();
                return null;
            });
        });
    }

    /**
     * The earliest instant a request asked for now could be sent, without reserving it: what a paused
     * import on this key can be planned to resume at.
     */
    public Instant nextFreeAt() {
        return locked(() -> book.show().earliestFree(limits).at());
    }

    /** What is used and left right now, under {@code maskedKey}; sends nothing, changes nothing that matters. */
    public QuotaState state(String maskedKey) {
        return locked(() -> {
            KeyQuota quota = book.show();
            long minute = KeyQuota.minute(quota.at());
            long day = KeyQuota.day(quota.at());
            return QuotaState.of(maskedKey, limits, quota.perMinute().getOrDefault(minute, 0),
                    Instant.ofEpochSecond((minute + 1) * 60), quota.perDay().getOrDefault(day, 0),
                    Instant.ofEpochSecond((day + 1) * 86_400), quota.remaining(), quota.resetAt(), quota.blockedUntil());
        });
    }

    /**
     * Everything a plan of future requests on this key needs: the requests counted (sent or
     * reserved, by any node) from this minute and day on, the limits to plan with, the server's
     * window, a Retry-After in force and LeadLex's typical answer time. Sends nothing, changes nothing
     * that matters.
     */
    public QuotaOutlook outlook() {
        return locked(() -> {
            KeyQuota quota = book.show();
            return new QuotaOutlook(quota.at(), limits.stricter(quota.serverLimits()), quota.perMinute(),
                    quota.perDay(), quota.remaining(), quota.resetAt(), quota.blockedUntil(), learned.answerTime(),
                    maxWait);
        });
    }

    /** Writes what the gate holds back to save work (an unmetered key's latest counts): the process ends. */
    void flush() {
        locked(() -> {
            book.flush();
            return null;
        });
    }

    /**
     * The database's word on the key: read each time for a metered key, held for up to
     * {@link #UNMETERED_WORD_HELD} (and moved to now) for one nothing meters. Called under the lock.
     */
    private KeyQuota word() {
        if (limits.any()) {
            return book.word();
        }
        Instant now = book.now();
        if (heldWord == null || !now.isBefore(heldWordReadAt.plus(UNMETERED_WORD_HELD))) {
            heldWord = book.word();
            heldWordReadAt = now;
        } else {
            heldWord.seenAt(now);
        }
        return heldWord;
    }

    /** This gate is about to change the key's word: the next look reads it again. */
    private void forgetWord() {
        heldWord = null;
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
