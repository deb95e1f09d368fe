package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * One call of the contacts export: contacts created strictly after {@code createdAfter} (null: from the
 * first) and strictly before {@code createdBefore} (null: up to now), at most {@code limit}.
 */
public record ContactExportQuery(Instant createdAfter, Instant createdBefore, int limit) {

    /** The most rows LeadLex exports in one call. */
    public static final int MAX_LIMIT = 50_000;

    public ContactExportQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The contacts export takes a limit from 1 to " + MAX_LIMIT + ", not "
                    + limit);
        }
    }

    /** As many contacts as one call may bring, created after {@code createdAfter} (null: all). */
    public static ContactExportQuery after(Instant createdAfter) {
        return new ContactExportQuery(createdAfter, null, MAX_LIMIT);
    }
}
