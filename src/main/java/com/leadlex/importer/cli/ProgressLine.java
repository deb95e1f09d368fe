package com.leadlex.importer.cli;

import java.util.Locale;

import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * One progress line of a running import: chunks n/total, IDs, IDs per second, a wait or pause when
 * there is one, and the estimated end, the same the dashboard and the API show:
 * {@code Import 7: 12/400 chunks, 6000 of 200000 IDs, 812 IDs/s, finishes ~Thu 26 Nov 10:04 UTC (in 3 min)}.
 */
final class ProgressLine {

    private ProgressLine() {
    }

    static String of(ImportSummary summary, double idsPerSecond) {
        StringBuilder line = new StringBuilder("Import ").append(summary.id()).append(": ")
                .append(summary.chunksDone()).append('/').append(summary.chunksTotal()).append(" chunks, ")
                .append(summary.added() + summary.alreadyEnrolled() + summary.refused()).append(" of ")
                .append(summary.validIds()).append(" IDs, ").append(rate(idsPerSecond)).append(" IDs/s");
        if (summary.status() != ImportStatus.RUNNING || summary.quotaWaitUntil() != null) {
            line.append(", ").append(summary.statusText());
        }
        if (summary.etaText() != null) {
            line.append(", ").append(summary.etaText());
        }
        return line.toString();
    }

    private static String rate(double idsPerSecond) {
        return idsPerSecond < 10 ? String.format(Locale.ROOT, "%.1f", idsPerSecond)
                : Long.toString(Math.round(idsPerSecond));
    }
}
