package com.leadlex.importer.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox received, oldest first, so a test can assert how many requests the importer
 * spent and with which key; keys appear masked only. Bounded, so a long demo does not grow it.
 */
public class SandboxRequestLog {

    static final int CAPACITY = 10_000;

    private final Deque<ReceivedRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    void record(ReceivedRequest request) {
        requests.addLast(request);
        if (size.incrementAndGet() > CAPACITY && requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** A snapshot, oldest first; at most the last {@value #CAPACITY} requests. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
        size.set(0);
    }

    /**
     * One request as the sandbox saw it.
     *
     * @param receivedAt   the application clock's time on arrival
     * @param maskedKey    {@code wbk_…} and the key's last four characters
     * @param campaignId   the path's campaign ID
     * @param contactCount elements of {@code contact_ids}, 0 when absent or unreadable
     * @param source       the body's {@code source} tag, or null
     * @param status       the status answered, or 0 when the connection was dropped instead
     * @param requestId    the {@code X-Request-ID} answered (or that a dropped answer would have carried)
     * @param serverTime   real time spent handling it, configured latency and delays excluded
     * @param firstContactId the first element of {@code contact_ids} as sent, or null: tells which chunk it was
     * @param processed    whether the contacts went through enrollment (a 200, answered or dropped after)
     * @param added        contacts this request newly enrolled, 0 unless processed
     * @param skipped      contacts this request found already enrolled, 0 unless processed
     */
    public record ReceivedRequest(Instant receivedAt, String maskedKey, String campaignId, int contactCount,
            String source, int status, String requestId, Duration serverTime, String firstContactId,
            boolean processed, int added, int skipped) {

        /** The connection was closed instead of answered, before or after processing. */
        public boolean dropped() {
            return status == 0;
        }
    }
}
