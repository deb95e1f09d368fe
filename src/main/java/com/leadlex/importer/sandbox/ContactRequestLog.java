package com.leadlex.importer.sandbox;

import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the contacts endpoints received, oldest first, apart from the add-contacts log, so that a test
 * can count look-ups and creations separately from enrollments. Keys appear masked only; bounded.
 */
public class ContactRequestLog {

    static final int CAPACITY = 10_000;

    private final Deque<ContactRequest> requests = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    void record(ContactRequest request) {
        requests.addLast(request);
        if (size.incrementAndGet() > CAPACITY && requests.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<ContactRequest> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
        size.set(0);
    }

    /** Which contacts endpoint a request went to. */
    public enum Endpoint {
        /** {@code GET /v1/contacts/export} */
        EXPORT,
        /** {@code GET /v1/contacts?search=} */
        SEARCH,
        /** {@code POST /v1/contacts/bulk} */
        BULK_CREATE
    }

    /**
     * One request to a contacts endpoint as the sandbox saw it.
     *
     * @param receivedAt the application clock's time on arrival
     * @param maskedKey  {@code wbk_…} and the key's last four characters
     * @param endpoint   which endpoint
     * @param query      the query string as sent, or null
     * @param sent       contacts in a bulk-create body (0 for the other endpoints or an unreadable body)
     * @param returned   rows exported, contacts found, or contacts created
     * @param status     the status answered, or 0 when the connection was dropped instead
     * @param requestId  the {@code X-Request-ID} answered
     */
    public record ContactRequest(Instant receivedAt, String maskedKey, Endpoint endpoint, String query, int sent,
            int returned, int status, String requestId) {
    }
}
