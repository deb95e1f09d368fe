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
     * @param status       the status answered
     * @param requestId    the {@code X-Request-ID} answered
     * @param serverTime   real time spent handling it, configured latency and delays excluded
     */
    public record ReceivedRequest(Instant receivedAt, String maskedKey, String campaignId, int contactCount,
            String source, int status, String requestId, Duration serverTime) {
    }
}
