package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * A Starter key (10 requests a minute, 100 a day) and chunks of 10 IDs: a list of 1,010 IDs needs
 * 101 requests, one more than a day allows. The import paces itself to the plan, never draws a
 * 429, pauses at the day's end with its resume time recorded, and resumes by itself at midnight UTC.
 */
@TestPropertySource(properties = {
        "leadlex.api-key=wbk_sandbox_starter",
        "leadlex.plan=starter",
        "importer.chunk-size=10"})
class QuotaPauseEndToEndTest extends ImportIntegrationTest {

    @Test
    void aDayQuotaUsedUpPausesTheImportAndItResumesByItselfWhenTheWindowResets() {
        sandbox.createCampaign("cmp_quota_day");
        Instant start = clock.instant();

        ImportRecord paused = importNow(csvList("a-day-and-a-bit.csv", newIds(1_010)), "cmp_quota_day", false);

        Instant midnight = Instant.parse("2026-11-27T00:00:00Z");
        assertThat(paused.status()).isEqualTo(ImportStatus.PAUSED);
        assertThat(paused.resumeAt()).isEqualTo(midnight);
        assertThat(paused.lastErrorCode()).isEqualTo("quota_exhausted");
        assertThat(requestsFor("cmp_quota_day")).hasSize(100)
                .extracting(ReceivedRequest::status).containsOnly(200);
        assertThat(Duration.between(start, clock.instant())).as("paced at 10 a minute")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(9));
        List<ChunkRecord> ledger = chunks.findByImport(paused.id());
        assertThat(ledger).hasSize(101);
        assertThat(ledger.get(100).status()).isEqualTo(ChunkStatus.WAITING_FOR_QUOTA);
        assertThat(summaries.describe(paused).chunksDone()).isEqualTo(100);

        clock.set(midnight.plusSeconds(1));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> imports.findById(paused.id()).orElseThrow().status() == ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_quota_day")).hasSize(101).extracting(ReceivedRequest::status).containsOnly(200);
        assertThat(chunks.findByImport(paused.id()).get(100).status()).isEqualTo(ChunkStatus.SENT);
        assertThat(summaries.describe(imports.findById(paused.id()).orElseThrow()).added()).isEqualTo(1_010);
        assertThat(sandbox.enrolledCount("cmp_quota_day")).isEqualTo(1_010);
    }
}
