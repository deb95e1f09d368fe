package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.TestDatabase;

/** The core path against the sandbox: chunks, ledger, totals, results, and the same list twice. */
@Tag(TestDatabase.TAG)
class ContactImportEndToEndTest extends ImportIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseOfThisRun() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(TestDatabase.productName());
        }
    }

    @Autowired
    ContactListStager stager;
    @Autowired
    JobRepository jobRepository;

    @Test
    void aListOf1234IdsBecomesThreeRequestsAndThreeLedgerRowsMatchingLeadLexAnswers() {
        List<String> ids = newIds(1234);
        sandbox.createCampaign("cmp_e2e_1234");
        List<String> alreadyThere = ids.subList(0, 7);
        importNow(csvList("pre.csv", alreadyThere), "cmp_e2e_1234", false);
        sandbox.clearReceivedRequests();

        ImportRecord done = importNow(csvList("contacts-1234.csv", ids), "cmp_e2e_1234", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        List<ReceivedRequest> requests = requestsFor("cmp_e2e_1234");
        assertThat(requests).extracting(ReceivedRequest::contactCount).containsExactly(500, 500, 234);
        List<ChunkRecord> ledger = chunks.findByImport(done.id());
        assertThat(ledger).extracting(ChunkRecord::chunkNumber).containsExactly(1, 2, 3);
        assertThat(ledger).extracting(ChunkRecord::idCount).containsExactly(500, 500, 234);
        assertThat(ledger).extracting(ChunkRecord::added).containsExactly(493, 500, 234);
        assertThat(ledger).extracting(ChunkRecord::skipped).containsExactly(7, 0, 0);
        assertThat(ledger).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT);
        assertThat(ledger).extracting(ChunkRecord::httpStatus).containsOnly(200);
        assertThat(ledger).extracting(ChunkRecord::requestId)
                .containsExactlyElementsOf(requests.stream().map(ReceivedRequest::requestId).toList());
        assertThat(sandbox.enrolledCount("cmp_e2e_1234")).isEqualTo(1234);

        ImportSummary summary = summaries.describe(done);
        assertThat(summary.added()).isEqualTo(1227);
        assertThat(summary.alreadyEnrolled()).isEqualTo(7);
        assertThat(summary.requests()).isEqualTo(3);
        assertThat(summary.chunksDone()).isEqualTo(3);
        assertThat(summary.chunksTotal()).isEqualTo(3);

        List<String> results = lines(resultsFile(done));
        assertThat(results).hasSize(1 + 1234);
        assertThat(results.get(0)).isEqualTo("line,contact_id,outcome,reason,chunk,email,found_by");
        assertThat(results).filteredOn(line -> line.contains(",already_enrolled,")).hasSize(7);
        assertThat(results).filteredOn(line -> line.contains(",added,")).hasSize(1227);
        assertThat(results.get(1234)).isEqualTo("1235," + ids.get(1233) + ",added,,3,,list");
    }

    @Test
    void invalidAndDuplicateRowsAreReportedAndNeverSent() {
        List<String> ids = newIds(20);
        String csv = "contact_id\n" + String.join("\n", ids) + "\n"
                + "not-a-uuid\n"
                + ids.get(3).toUpperCase() + "\n"
                + "\n"
                + ids.get(0) + "\n";
        sandbox.createCampaign("cmp_e2e_bad_rows");

        ImportRecord done = importNow(write("mixed.csv", csv), "cmp_e2e_bad_rows", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.invalidRows()).isEqualTo(1);
        assertThat(done.duplicateRows()).isEqualTo(2);
        List<ReceivedRequest> requests = requestsFor("cmp_e2e_bad_rows");
        assertThat(requests).extracting(ReceivedRequest::contactCount).containsExactly(20);
        assertThat(sandbox.enrolledCount("cmp_e2e_bad_rows")).isEqualTo(20);
        List<String> results = lines(resultsFile(done));
        assertThat(results).contains("22,not-a-uuid,invalid,not a UUID,,,",
                "23," + ids.get(3) + ",duplicate_in_list,repeats line 5,,,",
                "25," + ids.get(0) + ",duplicate_in_list,repeats line 2,,,");
    }

    @Test
    void theSameListAgainIsReportedAsAlreadyImportedAndSendsNothingUnlessForced() {
        List<String> ids = newIds(600);
        sandbox.createCampaign("cmp_e2e_twice");
        ImportRecord first = importNow(csvList("twice.csv", ids), "cmp_e2e_twice", false);
        assertThat(first.status()).isEqualTo(ImportStatus.COMPLETED);
        sandbox.clearReceivedRequests();

        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled);
        ImportRecord again = importNow(csvList("twice-reordered.csv", shuffled), "cmp_e2e_twice", false);

        assertThat(again.status()).isEqualTo(ImportStatus.ALREADY_IMPORTED);
        assertThat(again.duplicateOf()).isEqualTo(first.id());
        assertThat(requestsFor("cmp_e2e_twice")).isEmpty();

        ImportRecord forced = importNow(csvList("twice-forced.csv", ids), "cmp_e2e_twice", true);

        assertThat(forced.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_e2e_twice")).hasSize(2);
        ImportSummary summary = summaries.describe(forced);
        assertThat(summary.added()).isZero();
        assertThat(summary.alreadyEnrolled()).isEqualTo(600);
        assertThat(lines(resultsFile(forced))).filteredOn(l -> l.contains(",already_enrolled,"))
                .hasSize(600);
    }

    @Test
    void theSameListDroppedAgainWhileItsImportIsStillQueuedIsNotRegisteredTwice() throws Exception {
        List<String> ids = newIds(30);
        Path list = csvList("queued-twice.csv", ids);
        StagedList staged;
        try (var content = java.nio.file.Files.newInputStream(list)) {
            staged = stager.stage(content, "queued-twice.csv", list.resolveSibling("queued-twice-staged"));
        }
        long queued = imports.insert(new NewImport("cmp_e2e_queued", "test", "queued-twice.csv", null,
                staged.directory(), staged.contentHash(), ImportStatus.QUEUED, 30, 30, 0, 0, 500, null));

        IntakeResult again = submit(list, "cmp_e2e_queued", false);

        assertThat(again.launch().disposition()).isEqualTo(LaunchResult.Disposition.ALREADY_RUNNING);
        assertThat(again.launch().importId()).isEqualTo(queued);
        assertThat(requestsFor("cmp_e2e_queued")).isEmpty();
        imports.markEnded(queued, ImportStatus.FAILED, "test", "cleared by the test");
    }

    @Test
    void aJobInstanceThatAFailedLaunchLeftWithoutAnExecutionDoesNotStrandItsList() throws Exception {
        sandbox.createCampaign("cmp_e2e_half_made");
        Path list = csvList("half-made.csv", newIds(40));
        StagedList staged;
        try (var content = java.nio.file.Files.newInputStream(list)) {
            staged = stager.stage(content, "half-made.csv", list.resolveSibling("half-made-staged"));
        }
        // what a launch that lost its race between Spring Batch's two transactions leaves behind
        jobRepository.createJobInstance(ImportJobParameters.JOB_NAME,
                ImportJobParameters.identity("cmp_e2e_half_made", staged.contentHash(), null));

        ImportRecord done = importNow(list, "cmp_e2e_half_made", false);

        assertThat(done.status()).as(describe(done)).isEqualTo(ImportStatus.COMPLETED);
        assertThat(sandbox.enrolledCount("cmp_e2e_half_made")).isEqualTo(40);
    }

    @Test
    void noRequestEverCarriesMoreThan500Ids() {
        sandbox.createCampaign("cmp_e2e_cap");
        ImportRecord done = importNow(csvList("big.csv", newIds(2_501)), "cmp_e2e_cap", false);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_e2e_cap")).hasSize(6)
                .allSatisfy(request -> assertThat(request.contactCount()).isBetween(1, 500));
        assertThat(sandbox.enrolledCount("cmp_e2e_cap")).isEqualTo(2_501);
    }


    @Test
    void thirtyListsLaunchedAtOnceAllFinishNoneLosesALaunchRace() throws Exception {
        sandbox.createCampaign("cmp_race");
        List<Path> lists = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lists.add(csvList("race-" + i + ".csv", newIds(10)));
        }
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<IntakeResult>> submitted = new ArrayList<>();
        try {
            for (Path list : lists) {
                submitted.add(senders.submit(() -> submitInBackground(list, "cmp_race")));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<IntakeResult> result : submitted) {
                ids.add(result.get(1, TimeUnit.MINUTES).launch().importId());
            }

            await().atMost(Duration.ofMinutes(1)).until(() -> ids.stream()
                    .map(id -> imports.findById(id).orElseThrow().status()).allMatch(ImportStatus::isFinal)
                    || ids.stream().anyMatch(id -> imports.findById(id).orElseThrow().status() == ImportStatus.FAILED));
            assertThat(ids).extracting(id -> describe(imports.findById(id).orElseThrow()))
                    .as("no launch lost a serialization race").allMatch(outcome -> outcome.startsWith("COMPLETED"));
            assertThat(sandbox.enrolledCount("cmp_race")).isEqualTo(300);
        } finally {
            senders.shutdownNow();
        }
    }

    private static String describe(ImportRecord record) {
        return record.status() + (record.lastError() == null ? "" : " (" + record.lastErrorCode() + ": " + record.lastError() + ")");
    }

    private IntakeResult submitInBackground(Path list, String campaignId) throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return intake.accept(content, list.getFileName().toString(), campaignId, "test", false, false);
        }
    }
}
