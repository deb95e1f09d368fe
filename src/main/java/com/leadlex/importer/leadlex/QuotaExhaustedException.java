package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * The next request this key may send is further away than {@code leadlex.max-wait} (typically the
 * day's quota is used up): the caller should pause the import until {@link #resumeAt()} instead of
 * holding a thread. No request was sent for the chunk at hand after the last 429, if any.
 */
public class QuotaExhaustedException extends RuntimeException {

    private final Instant resumeAt;
    private final int attempts;

    public QuotaExhaustedException(Instant resumeAt, int attempts, String message) {
        super(message);
        this.resumeAt = resumeAt;
        this.attempts = attempts;
    }

    public Instant resumeAt() {
        return resumeAt;
    }

    /** HTTP requests made for the chunk before pausing (429s included). */
    public int attempts() {
        return attempts;
    }
}
