package com.leadlex.importer.importjob;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * How many LeadLex requests the send step books in one commit: one Spring Batch chunk of that many
 * ledger chunks, sent {@code leadlex.max-in-flight} at a time and committed together. By default one
 * window in flight, so a {@code kill -9} re-sends at most the requests that were on their way.
 * {@code importer.requests-per-commit} raises it: each commit costs the ledger's begin transaction
 * and Spring Batch's own, as much CPU as a request to a fast LeadLex, so fewer commits send faster;
 * but a kill may then leave that many requests to send again (booked {@code resent}), and on a
 * metered key each one spends quota.
 */
final class CommitWindow {

    private CommitWindow() {
    }

    static int requests(ImporterProperties importer, LeadLexProperties leadLex) {
        int inFlight = leadLex.maxInFlight();
        return importer.requestsPerCommit() == null ? inFlight : Math.max(importer.requestsPerCommit(), inFlight);
    }
}
