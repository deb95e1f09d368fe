package com.leadlex.importer.importjob;

import java.time.Instant;

import com.leadlex.importer.ledger.ImportStatus;

/** Everything an operator wants to know about one import, at a glance. */
public record ImportSummary(
        long id,
        ImportStatus status,
        String campaignId,
        String source,
        String fileName,
        long rowsRead,
        long validIds,
        long invalidRows,
        long duplicateRows,
        long added,
        long alreadyEnrolled,
        long refused,
        long requests,
        int chunksDone,
        int chunksTotal,
        String lastErrorCode,
        String lastError,
        Instant resumeAt,
        Long duplicateOf,
        Instant createdAt,
        Instant finishedAt,
        String resultsFile) {

    /** The summary as one log or console line. */
    public String oneLine() {
        StringBuilder line = new StringBuilder()
                .append("Import ").append(id).append(" (").append(fileName).append(" -> campaign ").append(campaignId)
                .append(") ").append(status).append(": ")
                .append(rowsRead).append(" rows, ").append(validIds).append(" valid, ")
                .append(invalidRows).append(" invalid, ").append(duplicateRows).append(" duplicates; ")
                .append(added).append(" added, ").append(alreadyEnrolled).append(" already enrolled");
        if (refused > 0) {
            line.append(", ").append(refused).append(" refused");
        }
        line.append("; ").append(chunksDone).append('/').append(chunksTotal).append(" chunks, ")
                .append(requests).append(" requests");
        if (duplicateOf != null) {
            line.append("; same list as import ").append(duplicateOf).append(", nothing sent");
        }
        if (resumeAt != null && status == ImportStatus.PAUSED) {
            line.append("; resumes at ").append(resumeAt);
        }
        if (lastError != null && status != ImportStatus.COMPLETED) {
            line.append("; ").append(lastError);
        }
        if (resultsFile != null) {
            line.append("; results: ").append(resultsFile);
        }
        return line.toString();
    }
}
