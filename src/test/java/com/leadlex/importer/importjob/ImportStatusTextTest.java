package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;

/** An import's state and estimated end in words, on fixed instants. */
class ImportStatusTextTest {

    static final Instant NOW = Instant.parse("2026-11-30T18:05:30Z");

    static ImportRecord record(ImportStatus status, Instant resumeAt, Instant quotaWaitUntil) {
        return new ImportRecord(7, "cmp_test", "test", "list.csv", null, "unused", "hash", status, 10, 10, 0,
                0, 1, 500, null, 1L, resumeAt, null, null, NOW, NOW, null, quotaWaitUntil, null);
    }

    @Test
    void aChunkWaitingForItsSlotIsWaitingNotRunning() {
        Instant nextMinute = Instant.parse("2026-11-30T18:06:00Z");

        assertThat(ImportStatusText.state(record(ImportStatus.RUNNING, null, nextMinute), NOW))
                .isEqualTo("waiting for quota until 18:06:00 UTC");
        assertThat(ImportStatusText.state(record(ImportStatus.RUNNING, null, null), NOW)).isEqualTo("running");
        assertThat(ImportStatusText.state(record(ImportStatus.RUNNING, null, NOW.minusSeconds(1)), NOW))
                .as("a wait already over").isEqualTo("running");
    }

    @Test
    void aPauseSaysUntilWhenWithItsDayUnlessItEndsWithinTheHour() {
        assertThat(ImportStatusText.state(record(ImportStatus.PAUSED, Instant.parse("2026-12-02T00:00:00Z"), null), NOW))
                .isEqualTo("paused until Wed 2 Dec 00:00 UTC");
        assertThat(ImportStatusText.state(record(ImportStatus.PAUSED, NOW.plusSeconds(15), null), NOW))
                .isEqualTo("paused until 18:05:45 UTC");
    }

    @Test
    void otherStatesAreTheirNames() {
        assertThat(ImportStatusText.state(record(ImportStatus.ALREADY_IMPORTED, null, null), NOW))
                .isEqualTo("already imported");
        assertThat(ImportStatusText.state(record(ImportStatus.QUEUED, null, null), NOW)).isEqualTo("queued");
    }

    @Test
    void onlyUnfinishedImportsHaveAnEstimatedEnd() {
        Instant eta = Instant.parse("2026-12-02T14:05:00Z");

        assertThat(ImportStatusText.eta(record(ImportStatus.PAUSED, null, null), eta, NOW))
                .isEqualTo("finishes ~Wed 2 Dec 14:05 UTC (in 1 d 20 h)");
        assertThat(ImportStatusText.eta(record(ImportStatus.QUEUED, null, null), null, NOW))
                .isEqualTo("finish time not known yet");
        assertThat(ImportStatusText.eta(record(ImportStatus.STOPPED, null, null), null, NOW)).isNull();
        assertThat(ImportStatusText.eta(record(ImportStatus.COMPLETED, null, null), null, NOW)).isNull();
    }
}
