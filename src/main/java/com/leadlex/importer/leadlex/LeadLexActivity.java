package com.leadlex.importer.leadlex;

import java.time.Duration;

/**
 * What the client did, told as it happens to whoever watches (metrics, the health check's "last
 * seen"), so that watching LeadLex never means calling it. Implementations must be fast and must not
 * throw; {@code key} is always masked.
 */
public interface LeadLexActivity {

    /** A response arrived with {@code status}; 0 when none arrived (timeout, connection refused). */
    void answered(String key, int status);

    /** A request is about to be retried: {@code rate_limited}, {@code server_error} or {@code no_response}. */
    void retrying(String reason);

    /** The quota gate made a request wait this long before it went out. */
    void waitedForQuota(Duration wait);

    /**
     * A contacts request (export, search, bulk creation) got {@code status}, 0 when none arrived; told
     * besides {@link #answered}, so look-ups and creations can be counted apart from enrollments.
     */
    default void contactsRequestAnswered(ContactsRequestKind kind, int status) {
    }
}
