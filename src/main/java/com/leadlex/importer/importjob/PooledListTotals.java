package com.leadlex.importer.importjob;

import java.util.Optional;

/**
 * What became of a pooled small list's IDs, which another import (its pooled import) sent: such a list
 * has no chunks or step of its own to count from. Whoever pools lists supplies it, so that the job and
 * its summaries need not know how lists are pooled.
 */
public interface PooledListTotals {

    /** Empty for an import that was not pooled, or whose pooled import has not ended yet. */
    Optional<Sent> of(long importId);

    /** @param requests the requests its IDs went in (one, as a pooled list is never split) */
    record Sent(long added, long alreadyEnrolled, long refused, int requests) {
    }
}
