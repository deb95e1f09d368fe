package com.leadlex.importer.ledger;

import java.nio.file.Path;

/** What is known of an import when its list has just been staged. */
public record NewImport(
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
        int chunkSize,
        Long duplicateOf) {

    public int totalChunks() {
        return (int) ((validIds + chunkSize - 1) / chunkSize);
    }
}
