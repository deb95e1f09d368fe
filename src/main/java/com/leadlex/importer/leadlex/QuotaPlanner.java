package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * When will these requests have gone out? Plays the {@link QuotaGate} forward on paper: several
 * senders share one key, each sends a window of up to {@code leadlex.max-in-flight} requests at a time
 * (each in its own slot; the next window once the last request of this one was answered),
 * slots go first come, first served, so senders that are ready together take turns; minute and UTC
 * day windows, the server's remaining count and a Retry-After hold requests back, across as many
 * days as needed; a sender whose slot is further than max-wait away pauses until then, and paused
 * senders resume in their order (the resumer goes by import ID) before taking turns again; at most
 * {@code concurrency} senders are under way at once, the rest start, in order, as others finish.
 * Pure arithmetic on an {@link QuotaOutlook}: nothing is sent or counted.
 */
public final class QuotaPlanner {

    /** Beyond this many requests in one plan the answer is "unknown" rather than a slow page. */
    static final long MAX_PLANNED_REQUESTS = 1_000_000;

    private QuotaPlanner() {
    }

    /**
     * The requests one sender (an import) still has to make.
     *
     * @param id              how the sender is named in the answer
     * @param requests        requests still to make, including one already reserved
     * @param notBefore       the sender sends nothing before this (a paused import's resume time), or null
     * @param firstReservedAt its next request already holds a slot at this instant (counted in the
     *                        outlook: sent and awaiting its answer, or waiting for its slot), or null
     */
    public record Demand(long id, long requests, Instant notBefore, Instant firstReservedAt) {
    }

    /**
     * When each demand's last request is answered, by ID; a demand is missing when that cannot be
     * known: nothing bounds the key and LeadLex has not answered yet, so no time can be put on a
     * request, or the plan would be unreasonably large.
     *
     * @param demands     in the order they are admitted when not all may run at once
     * @param concurrency how many senders may be under way at once
     */
    public static Map<Long, Instant> finishTimes(QuotaOutlook outlook, List<Demand> demands, int concurrency) {
        return finishTimes(outlook, demands, concurrency, 1);
    }

    /** @param inFlight requests each sender has on their way at once (its window) */
    public static Map<Long, Instant> finishTimes(QuotaOutlook outlook, List<Demand> demands, int concurrency,
            int inFlight) {
        long total = demands.stream().mapToLong(Demand::requests).sum();
        if ((!outlook.bounded() && outlook.answerTime() == null) || total > MAX_PLANNED_REQUESTS) {
            return Map.of();
        }
        return new Simulation(outlook, Math.max(1, concurrency), Math.max(1, inFlight)).run(demands);
    }

    /** One planning run: the windows as they fill, and the senders under way. */
    private static final class Simulation {

        private final Windows windows;
        private final Duration answerTime;
        private final Instant now;
        private final Duration maxWait;
        private final int concurrency;
        private final int inFlight;
        private final PriorityQueue<Sender> underWay = new PriorityQueue<>(
                Comparator.comparing((Sender sender) -> sender.ready).thenComparingLong(sender -> sender.turn));
        private final Map<Long, Instant> finishes = new HashMap<>();
        private long demandsAdmitted;
        private long turns;

        Simulation(QuotaOutlook outlook, int concurrency, int inFlight) {
            this.inFlight = inFlight;
            this.windows = new Windows(outlook);
            this.answerTime = outlook.answerTime() == null ? Duration.ZERO : outlook.answerTime();
            this.now = outlook.at();
            this.maxWait = outlook.maxWait();
            this.concurrency = concurrency;
        }

        Map<Long, Instant> run(List<Demand> demands) {
            Deque<Demand> waiting = new ArrayDeque<>(demands);
            admit(waiting, now);
            while (!underWay.isEmpty()) {
                Sender sender = underWay.poll();
                Instant lastSlot = null;
                long sent = 0;
                while (sent < Math.min(inFlight, sender.left)) {
                    Instant slot;
                    if (sender.reservedAt != null) {
                        slot = sender.reservedAt;
                        sender.reservedAt = null;
                    } else {
                        slot = windows.earliestFree(sender.ready);
                        if (Duration.between(sender.ready, slot).compareTo(maxWait) > 0) {
                            break;
                        }
                        windows.count(slot);
                    }
                    lastSlot = slot;
                    sent++;
                }
                if (sent == 0) {
                    // the import pauses instead of reserving; it asks again, in its order, when the slot comes
                    sender.ready = windows.earliestFree(sender.ready);
                    sender.turn = sender.order;
                    underWay.add(sender);
                    continue;
                }
                Instant answered = later(lastSlot, now).plus(answerTime);
                sender.left -= sent;
                if (sender.left <= 0) {
                    finishes.put(sender.id, answered);
                    admit(waiting, answered);
                } else {
                    sender.ready = answered;
                    sender.turn = turns++;
                    underWay.add(sender);
                }
            }
            return finishes;
        }

        /** Starts waiting demands, in order, while fewer than {@code concurrency} are under way. */
        private void admit(Deque<Demand> waiting, Instant at) {
            while (underWay.size() < concurrency && !waiting.isEmpty()) {
                long order = demandsAdmitted++;
                Demand demand = waiting.poll();
                Instant ready = demand.notBefore() == null ? at : later(demand.notBefore(), at);
                long requests = Math.max(demand.requests(), demand.firstReservedAt() == null ? 0 : 1);
                if (requests == 0) {
                    finishes.put(demand.id(), ready);
                    continue;
                }
                underWay.add(new Sender(demand.id(), order, requests, ready, demand.firstReservedAt(), turns++));
            }
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * A demand under way: what it has left, when it can send next, and its place among those ready at
     * the same moment ({@code turn}: its admission {@code order} after a pause, later turns otherwise).
     */
    private static final class Sender {
        final long id;
        final long order;
        long left;
        Instant ready;
        Instant reservedAt;
        long turn;

        Sender(long id, long order, long left, Instant ready, Instant reservedAt, long turn) {
            this.id = id;
            this.order = order;
            this.left = left;
            this.ready = ready;
            this.reservedAt = reservedAt;
            this.turn = turn;
        }
    }

    /** The key's windows as the plan fills them, starting from what the outlook counted. */
    private static final class Windows {

        private final QuotaLimits limits;
        private final Map<Long, Integer> byMinute;
        private final Map<Long, Integer> byDay;
        private final Instant serverResetAt;
        private final Instant blockedUntil;
        private int serverRemaining;

        Windows(QuotaOutlook outlook) {
            this.limits = outlook.limits();
            this.byMinute = new HashMap<>(outlook.countsByMinute());
            this.byDay = new HashMap<>(outlook.countsByDay());
            this.serverResetAt = outlook.serverResetAt();
            this.serverRemaining = outlook.serverRemaining() == null ? 0 : outlook.serverRemaining();
            this.blockedUntil = outlook.blockedUntil();
        }

        /** The same search as the gate's: the first instant from {@code at} on that every window allows. */
        Instant earliestFree(Instant at) {
            if (blockedUntil != null && blockedUntil.isAfter(at)) {
                at = blockedUntil;
            }
            while (true) {
                if (serverResetAt != null && serverRemaining <= 0 && serverResetAt.isAfter(at)) {
                    at = serverResetAt;
                } else if (limits.perMinute() > 0 && byMinute.getOrDefault(minute(at), 0) >= limits.perMinute()) {
                    at = Instant.ofEpochSecond((minute(at) + 1) * 60);
                } else if (limits.perDay() > 0 && byDay.getOrDefault(day(at), 0) >= limits.perDay()) {
                    at = Instant.ofEpochSecond((day(at) + 1) * 86_400);
                } else {
                    return at;
                }
            }
        }

        void count(Instant at) {
            byMinute.merge(minute(at), 1, Integer::sum);
            byDay.merge(day(at), 1, Integer::sum);
            if (serverResetAt != null && at.isBefore(serverResetAt)) {
                serverRemaining--;
            }
        }

        private static long minute(Instant instant) {
            return Math.floorDiv(instant.getEpochSecond(), 60);
        }

        private static long day(Instant instant) {
            return Math.floorDiv(instant.getEpochSecond(), 86_400);
        }
    }
}
