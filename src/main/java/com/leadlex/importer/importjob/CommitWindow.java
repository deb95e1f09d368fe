package com.leadlex.importer.importjob;

import java.time.Duration;

import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * How many LeadLex requests the send step books in one commit, one import's send step at a time: one
 * Spring Batch item of that many ledger chunks, sent {@code leadlex.max-in-flight} at a time and
 * committed together. Each commit costs the ledger's begin transaction and Spring Batch's own, about as
 * much as a request to a LeadLex that answers at once; so when LeadLex answers fast, a commit books as
 * many requests as it answers in {@link #TARGET} (at most {@link ImporterProperties#MAX_REQUESTS_PER_COMMIT}),
 * and when a request takes that long, or the quota paces the requests, each window in flight commits
 * on its own, as before. 200 ms keeps what the dashboard shows, and a stop, within a blink of the
 * requests. The {@link AnswerJournal} keeps a window's answers until its commit,
 * so a {@code kill -9} re-sends only what was on its way. {@code importer.requests-per-commit} fixes
 * the number instead (never fewer than the requests in flight).
 */
final class CommitWindow {

    /** How long a window's requests may take, at the pace LeadLex last answered, before they are committed. */
    static final Duration TARGET = Duration.ofMillis(200);

    private final int inFlight;
    private final int fixed;
    private int next;

    private CommitWindow(int inFlight, int fixed) {
        this.inFlight = inFlight;
        this.fixed = fixed;
        this.next = fixed > 0 ? fixed : inFlight;
    }

    static CommitWindow of(ImporterProperties importer, LeadLexProperties leadLex) {
        int inFlight = leadLex.maxInFlight();
        Integer setting = importer.requestsPerCommit();
        return new CommitWindow(inFlight, setting == null ? 0 : Math.max(setting, inFlight));
    }

    /** Requests in the next window. */
    int nextSize() {
        return next;
    }

    /**
     * The last window sent {@code requests} in {@code took} (quota waits, retries and its commit
     * included): the next holds as many whole turns of {@code max-in-flight} requests as fit in
     * {@link #TARGET} at that pace.
     */
    void sent(int requests, Duration took) {
        if (fixed > 0 || requests == 0) {
            return;
        }
        long nanosPerTurn = Math.max(1, took.toNanos() * inFlight / requests);
        long turns = TARGET.toNanos() / nanosPerTurn;
        int mostTurns = ImporterProperties.MAX_REQUESTS_PER_COMMIT / inFlight;
        next = (int) Math.max(1, Math.min(turns, mostTurns)) * inFlight;
    }
}
