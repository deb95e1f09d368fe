package com.leadlex.importer.importjob;

/** What submitting a staged list led to, and which import carries it. */
public record LaunchResult(long importId, Disposition disposition) {

    public enum Disposition {
        /** A new import was started (or queued). */
        STARTED,
        /** The same list had an unfinished import (failed, stopped or paused): that one goes on. */
        RESUMED,
        /** The same list was already imported into this campaign: nothing is sent. */
        ALREADY_IMPORTED,
        /** The same list is being imported right now. */
        ALREADY_RUNNING,
        /** A small list put in its campaign's pool: a pooled import sends it with other pending IDs. */
        POOLED
    }
}
