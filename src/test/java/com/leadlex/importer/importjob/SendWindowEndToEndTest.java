package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * {@code leadlex.max-in-flight=4}: one import keeps four requests on their way at once, over real HTTP
 * to the sandbox on real time, every ID enrolled once; and a window whose one request fails is
 * booked for what LeadLex answered, so the restart sends the failed request and what came after,
 * nothing twice, with exact totals.
 */
@Tag(TestDatabase.TAG)
class SendWindowEndToEndTest {

    private static final String CAMPAIGN = "cmp_window";
    private static final Duration LATENCY = Duration.ofMillis(300);
    private static final int CHUNK = 10;

    @TempDir
    static Path workDir;
    static ConfigurableApplicationContext importer;
    static SandboxLeadLex sandbox;

    @BeforeAll
    static void startTheImporter() throws Exception {
        assumeTrue(TestDatabase.usable());
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--leadlex.sandbox.latency=" + LATENCY.toMillis() + "ms",
                "--leadlex.max-in-flight=4",
                // two turns of four a commit: a turn that fails leaves the next one unsent
                "--importer.requests-per-commit=8",
                "--leadlex.max-attempts=1",
                "--importer.chunk-size=" + CHUNK,
                "--importer.resume-interrupted-on-startup=false"));
        settings.addAll(TestDatabase.arguments());
        importer = StandaloneImporter.start(workDir, null, settings.toArray(String[]::new));
        sandbox = importer.getBean(SandboxLeadLex.class);
    }

    @AfterAll
    static void stopTheImporter() {
        if (importer != null) {
            importer.close();
        }
    }

    @BeforeEach
    void freshSandbox() {
        sandbox.reset();
        sandbox.createCampaign(CAMPAIGN);
    }

    @Test
    void fourRequestsAreOnTheirWayAtOnceAndEveryIdIsEnrolledOnce() {
        List<String> ids = newIds(8 * CHUNK);

        ImportRecord done = importNow("window.txt", ids);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        List<ReceivedRequest> requests = sandbox.receivedRequests();
        assertThat(requests).hasSize(8).allSatisfy(request -> assertThat(request.status()).isEqualTo(200));
        assertThat(requests.stream().mapToInt(ReceivedRequest::contactCount).sum()).isEqualTo(ids.size());
        assertThat(requests.stream().mapToInt(ReceivedRequest::added).sum()).isEqualTo(ids.size());
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(ids.size());
        // one at a time, each request arrives at least LATENCY after the one before: here four arrive within it
        assertThat(mostReceivedWithin(requests, LATENCY)).as("requests received within %s of each other", LATENCY)
                .isEqualTo(4);
        assertThat(ledger(done)).hasSize(8).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT);
        assertThat(ledger(done)).extracting(ChunkRecord::firstLine)
                .containsExactly(1L, 11L, 21L, 31L, 41L, 51L, 61L, 71L);
    }

    @Test
    void aFailedRequestInTheWindowLosesNothingAndTheRestartSendsOnlyWhatWasNotBooked() {
        List<String> ids = newIds(8 * CHUNK);
        // the first request of the first window to reach LeadLex fails for good (max-attempts 1)
        sandbox.failNext(1, ScriptedFault.status(500));

        ImportRecord failed = importNow("window-fails.txt", ids);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        List<ChunkRecord> booked = ledger(failed);
        assertThat(booked).hasSize(4).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT,
                ChunkStatus.FAILED);
        assertThat(booked).filteredOn(chunk -> chunk.status() == ChunkStatus.FAILED).hasSize(1);
        assertThat(booked).as("the second turn of the commit was never sent, nor left looking begun")
                .extracting(ChunkRecord::chunkNumber).containsExactly(1, 2, 3, 4);
        Set<String> sentBeforeTheRestart = firstIdsOf(sandbox.receivedRequests(), 200);
        assertThat(sentBeforeTheRestart).hasSize(3);
        sandbox.clearReceivedRequests();

        importer.getBean(ImportLauncher.class).resume(failed.id(),
                importer.getBean(JobRepository.class).getJobExecution(failed.jobExecutionId()), true);

        ImportRecord resumed = importer.getBean(ImportRepository.class).findById(failed.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
        List<ReceivedRequest> afterRestart = sandbox.receivedRequests();
        assertThat(afterRestart).as("the failed request and the second window").hasSize(5);
        assertThat(firstIdsOf(afterRestart, 200)).doesNotContainAnyElementsOf(sentBeforeTheRestart);
        assertThat(ledger(resumed)).hasSize(8).extracting(ChunkRecord::status)
                .containsOnly(ChunkStatus.SENT, ChunkStatus.RESENT);
        assertThat(sandbox.enrolledCount(CAMPAIGN)).isEqualTo(ids.size());
        assertThat(importer.getBean(ImportSummaries.class).describe(resumed).added())
                .as("the booked requests counted once, before and after the restart").isEqualTo(ids.size());
    }

    private ImportRecord importNow(String name, List<String> ids) {
        byte[] list = (String.join("\n", ids) + "\n").getBytes(StandardCharsets.UTF_8);
        long id = importer.getBean(ContactListIntake.class).accept(new ByteArrayInputStream(list), name, CAMPAIGN,
                "test", false, true).launch().importId();
        return importer.getBean(ImportRepository.class).findById(id).orElseThrow();
    }

    private static List<ChunkRecord> ledger(ImportRecord record) {
        return importer.getBean(ImportChunkRepository.class).findByImport(record.id());
    }

    private static Set<String> firstIdsOf(List<ReceivedRequest> requests, int status) {
        return requests.stream().filter(request -> request.status() == status).map(ReceivedRequest::firstContactId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The most requests received within {@code span} of the first of them. */
    private static int mostReceivedWithin(List<ReceivedRequest> requests, Duration span) {
        List<ReceivedRequest> byTime = requests.stream()
                .sorted(java.util.Comparator.comparing(ReceivedRequest::receivedAt)).toList();
        int most = 0;
        for (int first = 0; first < byTime.size(); first++) {
            int last = first;
            while (last + 1 < byTime.size() && Duration.between(byTime.get(first).receivedAt(),
                    byTime.get(last + 1).receivedAt()).compareTo(span) < 0) {
                last++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static List<String> newIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
