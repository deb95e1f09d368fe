package com.leadlex.importer.sources;

import java.time.Instant;

/**
 * What an operator needs to know about one source: is it healthy, when did it last look, what did
 * it last take, and if it is failing, why, in words, and since when.
 *
 * @param state          one of {@code disabled}, {@code waiting} (not polled yet), {@code ok}, {@code failing}
 * @param disabledReason why a disabled source is off (switched off, or a secret missing), in words; else null
 */
public record SourceStatus(
        String source,
        String routeId,
        String state,
        String disabledReason,
        String endpoint,
        String schedule,
        boolean hostKeyChecked,
        Instant lastPollAt,
        Instant lastSuccessAt,
        long polls,
        long emptyPolls,
        long filesPicked,
        String lastFile,
        Instant lastFileAt,
        int consecutiveFailures,
        String lastError,
        Instant lastErrorAt) {

    static SourceStatus initial(String source, String routeId, boolean enabled, String endpoint, String schedule,
            boolean hostKeyChecked) {
        return new SourceStatus(source, routeId, enabled ? "waiting" : "disabled", null, endpoint, schedule,
                hostKeyChecked, null, null, 0, 0, 0, null, null, 0, null, null);
    }

    /** A source that has no route: switched off by its settings, or unable to log in. */
    static SourceStatus disabled(String source, String routeId, String reason, String endpoint, String schedule,
            boolean hostKeyChecked) {
        return new SourceStatus(source, routeId, "disabled", reason, endpoint, schedule, hostKeyChecked,
                null, null, 0, 0, 0, null, null, 0, null, null);
    }

    SourceStatus polled(Instant at, int files) {
        return new SourceStatus(source, routeId, "ok", null, endpoint, schedule, hostKeyChecked, at, at, polls + 1,
                emptyPolls + (files == 0 ? 1 : 0), filesPicked, lastFile, lastFileAt, 0, lastError, lastErrorAt);
    }

    SourceStatus pollFailed(Instant at, String reason) {
        return new SourceStatus(source, routeId, "failing", null, endpoint, schedule, hostKeyChecked, at, lastSuccessAt,
                polls + 1, emptyPolls, filesPicked, lastFile, lastFileAt, consecutiveFailures + 1, reason, at);
    }

    SourceStatus picked(Instant at, String file) {
        return new SourceStatus(source, routeId, state, disabledReason, endpoint, schedule, hostKeyChecked, lastPollAt,
                lastSuccessAt, polls, emptyPolls, filesPicked + 1, file, at, consecutiveFailures, lastError,
                lastErrorAt);
    }

    SourceStatus fileFailed(Instant at, String reason) {
        return new SourceStatus(source, routeId, state, disabledReason, endpoint, schedule, hostKeyChecked, lastPollAt,
                lastSuccessAt, polls, emptyPolls, filesPicked, lastFile, lastFileAt, consecutiveFailures, reason, at);
    }

    /** A file staged badly: the source itself still works, but its status says which file and why. */
    SourceStatus fileRejected(Instant at, String reason) {
        return fileFailed(at, reason);
    }
}
