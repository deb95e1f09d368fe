package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * LeadLex refused a contacts export for the export's own limit per workspace and hour, while the
 * key's quota still had room: nothing else on the key is held back, only the next export waits until
 * {@link #retryAt()} (LeadLex's Retry-After, or an hour when it gave none).
 */
public class ExportRateLimitedException extends RuntimeException {

    private final Instant retryAt;
    private final String requestId;

    public ExportRateLimitedException(Instant retryAt, String requestId, String message) {
        super(message);
        this.retryAt = retryAt;
        this.requestId = requestId;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** LeadLex's {@code X-Request-ID} of the 429, or null. */
    public String requestId() {
        return requestId;
    }
}
