package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.util.List;

/**
 * What LeadLex answered to one successful "Add Contacts to Campaign" request.
 *
 * @param added           contacts newly enrolled
 * @param skipped         contacts that were already enrolled
 * @param addedContactIds the IDs that were newly enrolled
 * @param httpStatus      the final response's status
 * @param requestId       LeadLex's {@code X-Request-ID}, or null when absent
 * @param attempts        HTTP requests made for this chunk, retries included
 * @param quotaWait       how long the chunk waited for the key's quota before its requests went out
 * @param earlierAttemptMayHaveReached an earlier attempt for this chunk got no answer or a 5xx, so LeadLex
 *                        may have processed it: {@code added} may undercount and the chunk counts as resent
 */
public record ChunkResponse(int added, int skipped, List<String> addedContactIds, int httpStatus,
        String requestId, int attempts, Duration quotaWait, boolean earlierAttemptMayHaveReached) {

    public ChunkResponse(int added, int skipped, List<String> addedContactIds, int httpStatus, String requestId,
            int attempts) {
        this(added, skipped, addedContactIds, httpStatus, requestId, attempts, Duration.ZERO, false);
    }

    ChunkResponse withQuotaWait(Duration wait) {
        return new ChunkResponse(added, skipped, addedContactIds, httpStatus, requestId, attempts, wait,
                earlierAttemptMayHaveReached);
    }

    /**
     * Marks an answer that came after an attempt LeadLex may have processed (no response, a 5xx):
     * LeadLex skips IDs it already has, so this answer's {@code added} may undercount.
     */
    ChunkResponse afterAnAmbiguousAttempt(boolean ambiguous) {
        return new ChunkResponse(added, skipped, addedContactIds, httpStatus, requestId, attempts, quotaWait,
                ambiguous);
    }
}
