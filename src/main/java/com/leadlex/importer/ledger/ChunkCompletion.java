package com.leadlex.importer.ledger;

/**
 * What LeadLex answered for one chunk, as the ledger books it: its status (sent or resent), its
 * counts, the requests it took in this attempt, the last answer's status and request ID, and which
 * IDs it added or refused.
 */
public record ChunkCompletion(long importId, int chunkNumber, ChunkStatus status, int added, int skipped,
        int attempts, int httpStatus, String requestId, ChunkOutcome outcome) {
}
