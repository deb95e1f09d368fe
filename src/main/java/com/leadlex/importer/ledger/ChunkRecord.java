package com.leadlex.importer.ledger;

import java.time.Instant;

/** One row of IMPORT_CHUNK: one request's worth of IDs and what LeadLex said about them. */
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
        Instant finishedAt) {
}
