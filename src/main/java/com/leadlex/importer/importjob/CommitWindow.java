package com.leadlex.importer.importjob;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * How many LeadLex requests the send step books in one commit: one Spring Batch chunk of that many
 * ledger chunks, sent {@code leadlex.max-in-flight} at a time and committed together. Each commit
 * costs the ledger's begin transaction and Spring Batch's own, as much CPU as the request itself on
 * a fast LeadLex, so fewer commits send faster; but a {@code kill -9} leaves up to one commit's
 * requests to send again (booked {@code resent}), and on a metered key each one spends quota. So,
 * unless {@code importer.requests-per-commit} says otherwise, a key configured unmetered commits
 * every {@value #UNMETERED_REQUESTS} requests and a metered one every window in flight.
 */
final class CommitWindow {

    static final int UNMETERED_REQUESTS = 8;

    private CommitWindow() {
    }

    static int requests(ImporterProperties importer, LeadLexProperties leadLex) {
        int inFlight = leadLex.maxInFlight();
        if (importer.requestsPerCommit() != null) {
            return Math.max(importer.requestsPerCommit(), inFlight);
        }
        return leadLex.limits().any() ? inFlight : Math.max(UNMETERED_REQUESTS, inFlight);
    }
}
