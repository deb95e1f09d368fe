package com.leadlex.importer.ledger;

import java.time.Instant;

/**
 * One row of CONTACT_IMPORT: a list, where it came from, and how far its import got.
 *
 * @param stagingName         the name of the import's directory, which every node resolves under its own
 *                            data directory ({@link com.leadlex.importer.staging.ImportDirectories})
 * @param resumeAt            when a paused import goes on by itself
 * @param quotaWaitUntil      while a running import's next request waits in its thread for the key's quota: until when
 * @param stagedIdsRemovedAt  when its staged IDs were removed, {@code importer.staging.retention} after it ended
 */
public record ImportRecord(
        long id,
        String campaignId,
        String sourceName,
        String fileName,
        String sourceTag,
        String stagingName,
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
        Instant finishedAt,
        Instant quotaWaitUntil,
        Instant stagedIdsRemovedAt) {

    /** This import as it will read once its run ended with {@code status}: for what is written before that is stored. */
    public ImportRecord endedAs(ImportStatus status, String code, String message) {
        return new ImportRecord(id, campaignId, sourceName, fileName, sourceTag, stagingName, contentHash, status,
                rowsRead, validIds, invalidRows, duplicateRows, totalChunks, chunkSize, duplicateOf, jobExecutionId,
                status == ImportStatus.PAUSED ? resumeAt : null, code, message, createdAt, updatedAt, finishedAt,
                quotaWaitUntil, stagedIdsRemovedAt);
    }
}
