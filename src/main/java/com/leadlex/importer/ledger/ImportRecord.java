package com.leadlex.importer.ledger;

import java.nio.file.Path;
import java.time.Instant;

/** One row of CONTACT_IMPORT: a list, where it came from, and how far its import got. */
public record ImportRecord(
        long id,
        String campaignId,
        String sourceName,
        String fileName,
        String sourceTag,
        Path stagingDir,
        String contentHash,
        ImportStatus status,
        long rowsRead,
        long validIds,
        long invalidRows,
        long duplicateRows,
        int totalChunks,
        int chunkSize,
        Long duplicateOf,
        Long jobExecutionId,
        Instant resumeAt,
        String lastErrorCode,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {
}
