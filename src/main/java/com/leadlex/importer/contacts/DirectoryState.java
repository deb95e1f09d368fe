package com.leadlex.importer.contacts;

import java.time.Instant;

/**
 * Where the directory of one key stands (CONTACT_DIRECTORY_STATE).
 *
 * @param highWater          the newest creation time the export has brought, or null before the first
 * @param refreshedAt        when the last complete refresh started: contacts created before it are in
 * @param refreshingBy       the node refreshing now, or null
 * @param refreshingUntil    when that node's claim runs out unless renewed
 * @param exportBlockedUntil a Retry-After of the export in force, or null
 * @param lastError          why the last refresh failed, or null
 */
public record DirectoryState(Instant highWater, Instant refreshedAt, String refreshingBy, Instant refreshingUntil,
        Instant exportBlockedUntil, String lastError) {

    static final DirectoryState EMPTY = new DirectoryState(null, null, null, null, null, null);

    /** Whether a complete refresh started at or after {@code instant}. */
    boolean refreshedSince(Instant instant) {
        return refreshedAt != null && !refreshedAt.isBefore(instant);
    }
}
