package com.leadlex.importer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportStatus;

/** What the command line's progress line says: chunks, IDs, rate, a wait, and the same ETA as the API. */
class ProgressLineTest {

    static ImportSummary running(String statusText, Instant quotaWaitUntil) {
        return new ImportSummary(7, ImportStatus.RUNNING, statusText, "cmp_test", "cli", "big.csv", 200_000,
                200_000, 0, 0, 5_900, 100, 0, 12, 12, 400, 388, Instant.parse("2026-11-26T10:04:00Z"),
                "finishes ~Thu 26 Nov 10:04 UTC (in 3 min)", null, null, null, quotaWaitUntil, null,
                Instant.parse("2026-11-26T10:00:00Z"), null, null, null, 0, 0);
    }

    @Test
    void aRunningImportShowsChunksIdsRateAndItsEstimatedEnd() {
        assertThat(ProgressLine.of(running("running", null), 812.4)).isEqualTo(
                "Import 7: 12/400 chunks, 6000 of 200000 IDs, 812 IDs/s, finishes ~Thu 26 Nov 10:04 UTC (in 3 min)");
    }

    @Test
    void aWaitForQuotaIsNamedWithItsEnd() {
        Instant until = Instant.parse("2026-11-26T10:01:00Z");

        assertThat(ProgressLine.of(running("waiting for quota until 10:01:00 UTC", until), 4.25))
                .isEqualTo("Import 7: 12/400 chunks, 6000 of 200000 IDs, 4.3 IDs/s, waiting for quota until "
                        + "10:01:00 UTC, finishes ~Thu 26 Nov 10:04 UTC (in 3 min)");
    }
}
