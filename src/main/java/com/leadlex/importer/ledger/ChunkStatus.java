package com.leadlex.importer.ledger;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A chunk's state in the ledger. */
public enum ChunkStatus {
    /** The request is (or was, if the process died) on its way; its outcome is unknown. */
    SENDING,
    /** LeadLex answered; added and skipped are its figures. */
    SENT,
    /**
     * Sent more than once: after a restart, because an earlier attempt's outcome was never committed, or
     * within one run, after an attempt that got no answer or a 5xx. LeadLex
     * skips IDs it already enrolled, so {@code added} may undercount what this chunk enrolled.
     */
    RESENT,
    /** The request failed for good; see the error. */
    FAILED,
    /**
     * Not sent yet: it waits for the key's quota, in the import's thread until its slot comes (at most
     * {@code leadlex.max-wait}), or, when the quota ran out for longer, until the paused import resumes.
     */
    WAITING_FOR_QUOTA,
    /**
     * Not confirmed: the importer was starting or stopping when the chunk was due. It goes out (again)
     * when the import resumes; whether an earlier attempt may have reached LeadLex is kept apart.
     */
    WAITING_FOR_IMPORTER;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChunkStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isDone() {
        return this == SENT || this == RESENT;
    }
}
