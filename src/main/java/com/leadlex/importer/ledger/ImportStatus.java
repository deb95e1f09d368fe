package com.leadlex.importer.ledger;

/** Where an import stands, as operators see it. */
public enum ImportStatus {
    /** Staged and registered; waiting for a free import slot. */
    QUEUED,
    /**
     * A small list waiting in its campaign's pool (importer.pool.below): its IDs go out with other
     * pending IDs of the campaign in a pooled import, whose end this import then follows.
     */
    POOLED,
    RUNNING,
    /** Waiting for the API key's quota window to reset; resumes by itself at RESUME_AT. */
    PAUSED,
    /** Stopped by an operator; resumes only when restarted. */
    STOPPED,
    FAILED,
    COMPLETED,
    /** The same list was already imported into the same campaign: nothing was sent. */
    ALREADY_IMPORTED;

    /** An execution ran and is over for now, so its results file can be (re)written from the ledger. */
    public boolean isEnded() {
        return this == PAUSED || this == STOPPED || this == FAILED || this == COMPLETED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ALREADY_IMPORTED;
    }
}
