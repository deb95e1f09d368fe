package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxCampaigns.ProcessedCounts;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * The fault soak: two lists imported at once against a sandbox that answers 20% of requests 503 and
 * drops 5% of connections before and 5% after processing, while the importer is killed with
 * {@code kill -9} at random moments and restarted, several times, until both imports complete.
 * The sandbox runs in the test's JVM, so it outlives every importer and its own figures can be held
 * against the ledger: every valid ID enrolled, at most one chunk per import re-sent per kill, every
 * chunk LeadLex may have processed twice booked {@code resent}, and the other chunks booked with
 * exactly the added and skipped figures the sandbox answered. The two imports run side by side, so
 * each may have a chunk on its way when the importer is killed: the bound is one chunk per import per kill.
 *
 * <p>Each importer run uses its own API key, so the sandbox's request log tells which run sent what.
 */
@Tag("scenario")
@Tag(TestDatabase.TAG)
class FaultSoakScenarioTest {

    private static final Logger log = LoggerFactory.getLogger(FaultSoakScenarioTest.class);

    private static final List<String> CAMPAIGNS = List.of("cmp_soak_a", "cmp_soak_b");
    private static final int IDS_PER_LIST = 10_000;
    private static final int ENROLLED_BEFOREHAND = 300;
    private static final int CHUNK_SIZE = 100;
    private static final int MAX_RUNS = 6;

    /** Picks the kills; logged, though faults and timing make no two runs alike. */
    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    /** Kept when the soak fails: each importer's log and the database are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    StandaloneSandbox sandboxServer;
    SandboxLeadLex sandbox;
    /** Per campaign, the valid IDs of its list, lower case. */
    final Map<String, Set<String>> validIds = new HashMap<>();

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable());
    }

    @BeforeEach
    void startSandbox() {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.campaigns=" + String.join(",", CAMPAIGNS),
                "--leadlex.sandbox.latency=3ms",
                "--leadlex.sandbox.fault-rate=0.2",
                "--leadlex.sandbox.drop-before-rate=0.05",
                "--leadlex.sandbox.drop-after-rate=0.05"));
        for (int run = 1; run <= MAX_RUNS; run++) {
            settings.add("--leadlex.sandbox.keys[" + (run - 1) + "].key=" + key(run));
            settings.add("--leadlex.sandbox.keys[" + (run - 1) + "].permissions[0]=campaigns:write");
        }
        sandboxServer = StandaloneSandbox.start(settings.toArray(String[]::new));
        sandbox = sandboxServer.leadLex();
    }

    @AfterEach
    void stopSandbox() {
        sandboxServer.close();
    }

    @Test
    void killedAndRestartedUnderFaultsEveryIdIsEnrolledAndTheLedgerMatchesLeadLex() throws Exception {
        long started = System.nanoTime();
        List<String> settings = importerSettings();
        for (String campaign : CAMPAIGNS) {
            dropList(campaign);
        }
        int kills = 3 + random.nextInt(2);
        for (int killedRun = 1; killedRun <= kills; killedRun++) {
            int run = killedRun;
            long starting = System.nanoTime();
            try (ImporterProcess importer = ImporterProcess.start(workDir, withKey(settings, run))) {
                long ready = System.nanoTime();
                // a random moment, measured in the importer's own progress: after 5 to 39 of its requests
                int killAfter = 5 + random.nextInt(35);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5 + random.nextInt(20)))
                        .until(() -> requestsOf(run) >= killAfter);
                importer.kill();
                log.info("Soak: run {} ready in {} ms, killed {} ms later after {} requests reached the sandbox", run,
                        (ready - starting) / 1_000_000, (System.nanoTime() - ready) / 1_000_000, requestsOf(run));
            }
        }

        int lastRun = kills + 1;
        try (ConfigurableApplicationContext importer = StandaloneImporter.start(workDir, null,
                withKey(settings, lastRun).toArray(String[]::new))) {
            ImportRepository imports = importer.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .failFast("an import failed", () -> imports.findRecent(10).stream()
                            .anyMatch(i -> i.status() == ImportStatus.FAILED))
                    .until(() -> completedCampaigns(imports).containsAll(CAMPAIGNS));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            List<ReceivedRequest> received = sandbox.receivedRequests();
            List<String> figures = new ArrayList<>();
            for (String campaign : CAMPAIGNS) {
                List<ImportRecord> completed = imports.findRecent(10).stream()
                        .filter(i -> i.campaignId().equals(campaign) && i.status() == ImportStatus.COMPLETED).toList();
                assertThat(completed).as("the list of %s imported once, whatever the kills", campaign).hasSize(1);
                ImportRecord record = completed.get(0);
                List<ChunkRecord> ledger = importer.getBean(ImportChunkRepository.class).findByImport(record.id());
                figures.add(campaign + ": " + checkCampaign(campaign, record, ledger, received, kills));
            }
            log.info("Soak (kill seed {}, {}): {} kills, {} requests ({} answered 5xx, {} dropped before, {} after "
                    + "processing), {}; all done in {} s", seed, TestDatabase.productName(), kills, received.size(),
                    received.stream().filter(r -> r.status() >= 500).count(),
                    received.stream().filter(r -> r.dropped() && !r.processed()).count(),
                    received.stream().filter(r -> r.dropped() && r.processed()).count(), figures, took.toSeconds());
        }
    }

    /** @return how many of the campaign's chunks were booked resent, and why */
    private String checkCampaign(String campaign, ImportRecord record, List<ChunkRecord> ledger,
            List<ReceivedRequest> allReceived, int kills) throws IOException {
        Set<String> valid = validIds.get(campaign);
        assertThat(valid).as("every valid ID of %s enrolled", campaign)
                .allMatch(id -> sandbox.isEnrolled(campaign, id));
        assertThat(sandbox.enrolledCount(campaign)).as("nothing else enrolled in %s", campaign)
                .isEqualTo(valid.size());

        List<String> spool = Files.readAllLines(new ImportFiles(workDir.resolve("data").resolve("imports").resolve(record.stagingName())).spool());
        assertThat(ledger).as("one ledger row per chunk of %s", campaign)
                .hasSize((valid.size() + CHUNK_SIZE - 1) / CHUNK_SIZE);
        // resent where a fault or a kill left a chunk's fate open; a campaign they missed has none
        assertThat(ledger).extracting(ChunkRecord::status).isSubsetOf(ChunkStatus.SENT, ChunkStatus.RESENT);

        // the sandbox's requests of this campaign, by chunk (a chunk's first ID)
        Map<String, List<ReceivedRequest>> byChunk = allReceived.stream()
                .filter(r -> r.campaignId().equals(campaign))
                .collect(Collectors.groupingBy(ReceivedRequest::firstContactId, LinkedHashMap::new,
                        Collectors.toList()));
        Map<String, ChunkRecord> ledgerByFirstId = new HashMap<>();
        for (ChunkRecord chunk : ledger) {
            ledgerByFirstId.put(spool.get((int) chunk.firstLine() - 1), chunk);
        }
        assertThat(ledgerByFirstId.keySet()).as("the sandbox saw requests for exactly the ledger's chunks")
                .isEqualTo(byChunk.keySet());

        long addedOutsideResent = 0;
        long skippedOutsideResent = 0;
        int resent = 0;
        int resentAfterInRunFault = 0;
        for (Map.Entry<String, ChunkRecord> entry : ledgerByFirstId.entrySet()) {
            ChunkRecord chunk = entry.getValue();
            List<ReceivedRequest> requests = byChunk.get(entry.getKey());
            List<ReceivedRequest> processed = requests.stream().filter(ReceivedRequest::processed).toList();
            boolean ambiguousAnswer = requests.stream().anyMatch(r -> r.dropped() || r.status() >= 500);
            Map<String, Long> requestsPerRun = requests.stream()
                    .collect(Collectors.groupingBy(ReceivedRequest::maskedKey, Collectors.counting()));
            boolean sentInTwoRuns = requestsPerRun.size() > 1;
            // a retry within one run follows an attempt without a usable answer: a 5xx, a drop, or a timeout
            boolean inRunFault = ambiguousAnswer || requestsPerRun.values().stream().anyMatch(n -> n > 1);
            String what = campaign + " chunk " + chunk.chunkNumber() + " " + describe(requests);
            if (processed.size() > 1 || inRunFault || sentInTwoRuns) {
                assertThat(chunk.status()).as("may have been processed twice, so resent: %s", what)
                        .isEqualTo(ChunkStatus.RESENT);
            }
            if (chunk.status() == ChunkStatus.RESENT) {
                resent++;
                resentAfterInRunFault += inRunFault ? 1 : 0;
                continue;
            }
            assertThat(processed).as("processed once: %s", what).hasSize(1);
            assertThat(chunk.added()).as("added as LeadLex answered: %s", what).isEqualTo(processed.get(0).added());
            assertThat(chunk.skipped()).as("skipped as LeadLex answered: %s", what)
                    .isEqualTo(processed.get(0).skipped());
            addedOutsideResent += chunk.added();
            skippedOutsideResent += chunk.skipped();
        }

        ProcessedCounts counts = sandbox.processedCounts(campaign);
        long sandboxAddedInResent = 0;
        long sandboxSkippedInResent = 0;
        for (ChunkRecord chunk : ledger) {
            if (chunk.status() == ChunkStatus.RESENT) {
                for (ReceivedRequest r : byChunk.get(spool.get((int) chunk.firstLine() - 1))) {
                    sandboxAddedInResent += r.added();
                    sandboxSkippedInResent += r.skipped();
                }
            }
        }
        assertThat(counts.added()).as("the sandbox enrolled each new ID of %s once", campaign)
                .isEqualTo(valid.size() - ENROLLED_BEFOREHAND);
        assertThat(addedOutsideResent).as("ledger added outside resent chunks of %s", campaign)
                .isEqualTo(counts.added() - sandboxAddedInResent);
        assertThat(skippedOutsideResent).as("ledger skipped outside resent chunks of %s", campaign)
                .isEqualTo(counts.skipped() - sandboxSkippedInResent);

        checkAtMostOneChunkResentPerKill(campaign, byChunk, kills);
        assertThat(resent - resentAfterInRunFault)
                .as("chunks of %s resent without an in-run fault: only those a kill interrupted", campaign)
                .isLessThanOrEqualTo(kills);
        return resent + " of " + ledger.size() + " chunks resent (" + resentAfterInRunFault + " after an in-run fault, "
                + (resent - resentAfterInRunFault) + " after a kill only)";
    }

    /**
     * A kill interrupts at most the one chunk each import had on its way: at most one chunk that run
     * {@code k} sent is sent again by a later run.
     */
    private static void checkAtMostOneChunkResentPerKill(String campaign, Map<String, List<ReceivedRequest>> byChunk,
            int kills) {
        for (int run = 1; run <= kills; run++) {
            String killed = maskedKey(run);
            Set<String> laterRuns = new HashSet<>();
            for (int later = run + 1; later <= kills + 1; later++) {
                laterRuns.add(maskedKey(later));
            }
            List<String> resentAfterKill = byChunk.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(r -> r.maskedKey().equals(killed))
                            && e.getValue().stream().anyMatch(r -> laterRuns.contains(r.maskedKey())))
                    .map(e -> describe(e.getValue())).toList();
            assertThat(resentAfterKill).as("chunks of %s sent by killed run %d and again later", campaign, run)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    private static String describe(List<ReceivedRequest> requests) {
        return requests.stream().map(r -> r.maskedKey().substring(r.maskedKey().length() - 4) + ":"
                + (r.dropped() ? (r.processed() ? "dropped-after" : "dropped-before") : r.status())
                + (r.processed() ? "+" + r.added() + "/" + r.skipped() : "")).collect(Collectors.joining(", ", "[", "]"));
    }

    private Set<String> completedCampaigns(ImportRepository imports) {
        return imports.findRecent(10).stream().filter(i -> i.status() == ImportStatus.COMPLETED)
                .map(ImportRecord::campaignId).collect(Collectors.toSet());
    }

    private int requestsOf(int run) {
        String masked = maskedKey(run);
        return (int) sandbox.receivedRequests().stream().filter(r -> r.maskedKey().equals(masked)).count();
    }

    /**
     * A list of {@value #IDS_PER_LIST} IDs, some of them in upper case, plus invalid rows and repeats;
     * {@value #ENROLLED_BEFOREHAND} of its IDs are enrolled in the sandbox beforehand, so LeadLex skips them.
     */
    private void dropList(String campaign) throws IOException {
        List<String> lines = new ArrayList<>();
        Set<String> valid = new HashSet<>();
        List<UUID> beforehand = new ArrayList<>();
        for (int i = 0; i < IDS_PER_LIST; i++) {
            UUID id = UUID.randomUUID();
            valid.add(id.toString());
            lines.add(i % 7 == 0 ? id.toString().toUpperCase() : id.toString());
            if (i % 10 == 0) {
                lines.add("not-a-contact-" + i);
            }
            if (i % 13 == 0) {
                lines.add(id.toString());
            }
            if (beforehand.size() < ENROLLED_BEFOREHAND && i % 3 == 0) {
                beforehand.add(id);
            }
        }
        validIds.put(campaign, valid);
        sandbox.enrollBeforehand(campaign, beforehand);
        Path list = Files.write(Files.createDirectories(workDir.resolve("inbox").resolve(campaign)).resolve("soak.txt"),
                lines);
        // old enough for the inbox's read lock at once
        Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private List<String> importerSettings() throws SQLException {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.enabled=false",
                "--leadlex.base-url=" + sandboxServer.baseUrl(),
                "--importer.chunk-size=" + CHUNK_SIZE,
                // 30% of attempts fail at random: enough attempts that no chunk gives up, short backoffs
                "--leadlex.max-attempts=40",
                "--leadlex.backoff-base=5ms",
                "--leadlex.backoff-cap=50ms",
                "--leadlex.read-timeout=20s",
                "--importer.resume-poll-interval=200ms"));
        settings.addAll(TestDatabase.arguments());
        return settings;
    }

    private static List<String> withKey(List<String> settings, int run) {
        List<String> withKey = new ArrayList<>(settings);
        withKey.add("--leadlex.api-key=" + key(run));
        return withKey;
    }

    private static String key(int run) {
        return "wbk_soak_key_run" + run;
    }

    /** As the sandbox records it: the last four characters. */
    private static String maskedKey(int run) {
        return "wbk_…run" + run;
    }
}
