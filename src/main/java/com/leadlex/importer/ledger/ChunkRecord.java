package com.leadlex.importer.ledger;

import java.time.Instant;

/**
 * One row of IMPORT_CHUNK: one request's worth of IDs and what LeadLex said about them.
 * {@code mayHaveReached} stays true once any attempt may have been processed by LeadLex.
 */
public record ChunkRecord(
        long importId,
        int chunkNumber,
        long jobExecutionId,
        long stepExecutionId,
        long firstLine,
        long lastLine,
        int idCount,
        Integer added,
        Integer skipped,
        int attempts,
        Integer httpStatus,
        String requestId,
        ChunkStatus status,
        String error,
        Instant startedAt,
        Instant finishedAt,
        boolean mayHaveReached) {
    /**
     * Whether some attempt at this chunk may have been processed by LeadLex: it was sent, was in
     * flight when the process died, or failed without proof that LeadLex ignored it (no response,
     * 5xx, an unreadable 2xx). 400, 401, 403, 404 and 429 are such proof.
     */
    public boolean anAttemptMayHaveReachedLeadLex() {
        return mayHaveReached || switch (status) {
            case SENDING, SENT, RESENT -> true;
            case WAITING_FOR_QUOTA, WAITING_FOR_IMPORTER -> false;
            case FAILED -> ambiguous(httpStatus);
        };
    }

    /** A final HTTP status (null: none arrived) that leaves open whether LeadLex processed the request. */
    public static boolean ambiguous(Integer httpStatus) {
        return httpStatus == null || httpStatus >= 500 || httpStatus < 300;
    }
}
