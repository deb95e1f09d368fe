package com.leadlex.importer.importjob;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.HumanTime;

/**
 * An import's state and estimated end in the words the dashboard, the API and the command line show:
 * "waiting for quota until 18:06:00 UTC" rather than "running" while a request waits for its slot,
 * "paused until Wed 2 Dec 00:00 UTC", "finishes ~Wed 2 Dec 14:05 UTC (in 1 d 20 h)".
 */
final class ImportStatusText {

    /** A pause ending within this is shown to the second, a longer one with its day. */
    private static final Duration SHORT_PAUSE = Duration.ofHours(1);

    private ImportStatusText() {
    }

    static String state(ImportRecord record, Instant now) {
        if (record.status() == ImportStatus.RUNNING && record.quotaWaitUntil() != null
                && record.quotaWaitUntil().isAfter(now)) {
            return "waiting for quota until " + HumanTime.timeOfDay(record.quotaWaitUntil());
        }
        if (record.status() == ImportStatus.PAUSED && record.resumeAt() != null) {
            boolean soon = Duration.between(now, record.resumeAt()).compareTo(SHORT_PAUSE) < 0;
            return "paused until " + (soon ? HumanTime.timeOfDay(record.resumeAt())
                    : HumanTime.dayAndTime(record.resumeAt()));
        }
        if (record.status() == ImportStatus.POOLED) {
            // a pooled list goes out with its campaign's pool: what it waits for is in its note
            return "pooled: " + (record.lastError() == null ? "waiting for its campaign's pool" : record.lastError());
        }
        return record.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The estimated end of an unfinished import; null for one that is not going anywhere by itself. */
    static String eta(ImportRecord record, Instant eta, Instant now) {
        if (!unfinished(record.status())) {
            return null;
        }
        return eta == null ? "finish time not known yet" : HumanTime.finishes(eta, now);
    }

    static boolean unfinished(ImportStatus status) {
        return status == ImportStatus.QUEUED || status == ImportStatus.RUNNING || status == ImportStatus.PAUSED;
    }
}
