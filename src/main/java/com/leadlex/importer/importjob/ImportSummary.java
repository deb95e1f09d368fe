package com.leadlex.importer.importjob;

import java.time.Instant;

import com.leadlex.importer.ledger.ImportStatus;

/**
 * Everything an operator wants to know about one import, at a glance.
 *
 * @param statusText     the state in words: "running", "waiting for quota until 18:06:00 UTC",
 *                       "paused until Wed 2 Dec 00:00 UTC"
 * @param requestsLeft   requests this import still has to make (one per chunk not yet sent); 0 once it is done
 * @param eta            when an unfinished import is estimated to finish, or null when unknown or not unfinished
 * @param etaText        the same in words, "finishes ~Wed 2 Dec 14:05 UTC (in 1 d 20 h)", or null when not unfinished
 * @param quotaWaitUntil while a request waits in the import's thread for its quota slot: until when
 * @param resultsFile    the results CSV once it exists (written when an execution ends): this node's file, or
 *                       the API path of the database's copy when another node wrote it; null before
 * @param node           the node (its {@code importer.node-name}) running the import, or that ran it last;
 *                       null when it never ran
 */
public record ImportSummary(
        long id,
        ImportStatus status,
        String statusText,
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
        long requestsLeft,
        Instant eta,
        String etaText,
        String lastErrorCode,
        String lastError,
        Instant resumeAt,
        Instant quotaWaitUntil,
        Long duplicateOf,
        Instant createdAt,
        Instant finishedAt,
        String resultsFile,
        String node,
        long lookUpRequests,
        long createRequests) {

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
        if (lookUpRequests > 0 || createRequests > 0) {
            line.append(" (and ").append(lookUpRequests).append(" look-up, ").append(createRequests)
                    .append(" creation request(s) for e-mail addresses)");
        }
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
