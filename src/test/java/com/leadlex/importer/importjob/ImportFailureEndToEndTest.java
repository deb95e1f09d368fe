package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import com.leadlex.importer.leadlex.LeadLexError;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.TestDatabase;

/** What LeadLex can do wrong, and how an import rides it out, stops, or resumes. */
@Tag(TestDatabase.TAG)
class ImportFailureEndToEndTest extends ImportIntegrationTest {

    @Autowired
    ImportLauncher launcher;
    @Autowired
    JobRepository jobRepository;

    @Test
    void a429WithRetryAfterAndOneWithoutAreRiddenOut() {
        sandbox.createCampaign("cmp_fail_429");
        sandbox.failNext(1, ScriptedFault.rateLimited(Duration.ofSeconds(30)));
        sandbox.failNext(1, ScriptedFault.rateLimitedWithoutRetryAfter());
        var before = clock.instant();

        ImportRecord done = importNow(csvList("rate-limited.csv", newIds(700)), "cmp_fail_429", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_fail_429")).extracting(ReceivedRequest::status).containsExactly(429, 429, 200, 200);
        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        List<ChunkRecord> ledger = chunks.findByImport(done.id());
        assertThat(ledger).extracting(ChunkRecord::attempts).containsExactly(3, 1);
        assertThat(sandbox.enrolledCount("cmp_fail_429")).isEqualTo(700);
    }

    @Test
    void unknownCampaignStopsTheImportAfterExactlyOneRequest() {
        ImportRecord failed = importNow(csvList("nowhere.csv", newIds(1200)), "cmp_does_not_exist", false);

        assertStoppedAfterOneRequest(failed, "cmp_does_not_exist", LeadLexError.CAMPAIGN_NOT_FOUND);
    }

    @Test
    void aRevokedKeyStopsTheImportAfterExactlyOneRequest() {
        sandbox.createCampaign("cmp_fail_401");
        sandbox.revokeKey("wbk_sandbox_unmetered");

        ImportRecord failed = importNow(csvList("revoked.csv", newIds(1200)), "cmp_fail_401", false);

        assertStoppedAfterOneRequest(failed, "cmp_fail_401", LeadLexError.INVALID_KEY);
        assertThat(failed.lastError()).doesNotContain("wbk_sandbox_unmetered");
    }

    @Test
    void aKeyWithoutWritePermissionStopsTheImportAfterExactlyOneRequest() {
        sandbox.createCampaign("cmp_fail_403");
        sandbox.addKey(new Key("wbk_sandbox_unmetered", List.of("campaigns:read"), 0, 0));

        ImportRecord failed = importNow(csvList("readonly.csv", newIds(1200)), "cmp_fail_403", false);

        assertStoppedAfterOneRequest(failed, "cmp_fail_403", LeadLexError.INSUFFICIENT_PERMISSIONS);
        assertThat(failed.lastError()).contains("campaigns:write");
    }

    @Test
    void anImportThatFailsMidwayResumesFromTheNextChunkWithoutResendingCommittedOnes() {
        sandbox.createCampaign("cmp_fail_resume");
        List<String> ids = newIds(1234);
        // chunk 1 goes through; chunk 2 meets a LeadLex that keeps failing (max-attempts = 3)
        ImportRecord failed = importAfterFirstChunkFails(ids);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.lastErrorCode()).isEqualTo("server_error");
        assertThat(chunks.findByImport(failed.id())).extracting(ChunkRecord::status)
                .containsExactly(ChunkStatus.SENT, ChunkStatus.FAILED);
        assertThat(lines(resultsFile(failed))).filteredOn(l -> l.contains(",not_sent,"))
                .hasSize(734);
        // chunk 2's three attempts, and nothing for chunk 3
        assertThat(requestsFor("cmp_fail_resume")).extracting(ReceivedRequest::contactCount)
                .containsExactly(500, 500, 500, 500);
        sandbox.clearReceivedRequests();

        JobExecution last = jobRepository.getJobExecution(failed.jobExecutionId());
        launcher.resume(failed.id(), last, true);

        ImportRecord resumed = imports.findById(failed.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_fail_resume")).extracting(ReceivedRequest::contactCount).containsExactly(500, 234);
        List<ChunkRecord> ledger = chunks.findByImport(failed.id());
        assertThat(ledger).extracting(ChunkRecord::status)
                .containsExactly(ChunkStatus.SENT, ChunkStatus.RESENT, ChunkStatus.SENT);
        assertThat(ledger.get(0).attempts()).isEqualTo(1);
        assertThat(summaries.describe(resumed).added()).isEqualTo(1234);
        assertThat(sandbox.enrolledCount("cmp_fail_resume")).isEqualTo(1234);
        assertThat(lines(resultsFile(resumed))).filteredOn(l -> l.contains(",added,"))
                .hasSize(1234);
    }

    @Test
    void contactsLeadLexRefusesWithA400AreIsolatedAndTheRestOfTheChunkStillGoesThrough() {
        sandbox.createCampaign("cmp_fail_400");
        List<String> ids = newIds(600);
        sandbox.refuseContact(ids.get(123));
        sandbox.refuseContact(ids.get(456));

        ImportRecord done = importNow(csvList("two-refused.csv", ids), "cmp_fail_400", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(sandbox.enrolledCount("cmp_fail_400")).isEqualTo(598);
        // halving to isolate one refused ID costs about two requests per level: 2·log2(500) + 2·log2(100) + 2
        assertThat(requestsFor("cmp_fail_400")).hasSizeLessThanOrEqualTo(40)
                .allSatisfy(request -> assertThat(request.contactCount()).isLessThanOrEqualTo(500));
        ImportSummary summary = summaries.describe(done);
        assertThat(summary.added()).isEqualTo(598);
        assertThat(summary.refused()).isEqualTo(2);
        assertThat(lines(resultsFile(done)))
                .filteredOn(line -> line.contains(",not_sent,")).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("125," + ids.get(123)).contains("invalid_contact_id"))
                .anySatisfy(line -> assertThat(line).startsWith("458," + ids.get(456)));
    }

    @Test
    void aChunkThatSucceedsOnlyAfterA5xxIsBookedResentAndItsSkippedRowsSayWhy() {
        sandbox.createCampaign("cmp_fail_retry");
        List<String> ids = newIds(20);
        // LeadLex already holds the first 5: the retried chunk's "skipped" may hide what a lost attempt added
        importNow(csvList("retry-before.csv", ids.subList(0, 5)), "cmp_fail_retry", false);
        sandbox.failNext(1, ScriptedFault.status(503));

        ImportRecord done = importNow(csvList("retry.csv", ids), "cmp_fail_retry", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        ChunkRecord chunk = chunks.findByImport(done.id()).get(0);
        assertThat(chunk.status()).as("an attempt before the answer may have reached LeadLex")
                .isEqualTo(ChunkStatus.RESENT);
        assertThat(chunk.attempts()).isEqualTo(2);
        assertThat(lines(resultsFile(done))).filteredOn(l -> l.contains(",already_enrolled,"))
                .hasSize(5).allSatisfy(line -> assertThat(line).contains("sent more than once"));
    }

    private ImportRecord importAfterFirstChunkFails(List<String> ids) {
        sandbox.reset();
        sandbox.createCampaign("cmp_fail_resume");
        sandbox.failNext(1, ScriptedFault.delay(Duration.ZERO));
        sandbox.failNext(3, ScriptedFault.status(500));
        return importNow(csvList("resume.csv", ids), "cmp_fail_resume", false);
    }

    private void assertStoppedAfterOneRequest(ImportRecord failed, String campaign, LeadLexError error) {
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.lastErrorCode()).isEqualTo(error.code());
        assertThat(failed.lastError()).contains(error.action());
        assertThat(requestsFor(campaign)).hasSize(1);
        List<ChunkRecord> ledger = chunks.findByImport(failed.id());
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).status()).isEqualTo(ChunkStatus.FAILED);
        assertThat(ledger.get(0).httpStatus()).isEqualTo(error.httpStatus());
        assertThat(ledger.get(0).attempts()).isEqualTo(1);
        assertThat(summaries.describe(failed).requests()).isEqualTo(1);
        assertThat(lines(resultsFile(failed))).filteredOn(l -> l.contains(",not_sent,"))
                .hasSize(1200);
    }
}
