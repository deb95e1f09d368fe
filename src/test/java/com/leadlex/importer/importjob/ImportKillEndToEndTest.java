package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * A booked chunk survives {@code kill -9}: the importer is killed mid-import right after the API
 * showed chunks as done, and after the restart none of those is sent again, nor any chunk whose answer
 * the {@link AnswerJournal} kept. Only the requests that were on their way may go out twice, and they
 * are booked {@code resent}.
 */
@Tag(TestDatabase.TAG)
class ImportKillEndToEndTest {

    private static final Pattern CHUNKS_DONE = Pattern.compile("\"chunksDone\":(\\d+)");
    private static final int CHUNKS = 40;

    @TempDir
    Path workDir;

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable());
    }

    /**
     * One request a commit; 8 requests a commit ({@code importer.requests-per-commit}), one after the
     * other; 8 a commit, 4 of them in flight at once; and the default, a commit of what LeadLex answers
     * in 200 ms (5 requests here). The kill comes while the journal holds answers
     * of the window under way: those are booked at the restart, not sent again; the window's chunks never
     * sent are sent as first attempts; only the requests on their way are booked {@code resent}.
     */
    @ParameterizedTest(name = "max-in-flight {0}, requests per commit {1} (0: the default, adapting)")
    @CsvSource({ "1, 1", "1, 8", "4, 8", "1, 0" })
    void chunksShownAsDoneBeforeAKillAreNotSentAgainAfterTheRestart(int maxInFlight, int requestsPerCommit)
            throws Exception {
        List<String> settings = settings(maxInFlight);
        if (requestsPerCommit > 0) {
            settings.add("--importer.requests-per-commit=" + requestsPerCommit);
        }
        AtomicInteger doneBeforeKill = new AtomicInteger();
        try (ImporterProcess importer = ImporterProcess.start(workDir, settings)) {
            dropList(CHUNKS * 10);
            // with several requests a commit, killed once the journal holds answers not yet committed
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        int journaledUpTo = journaledAnswers().stream()
                                .mapToInt(answer -> answer.completion().chunkNumber()).max().orElse(0);
                        doneBeforeKill.set(chunksDone(importer.port()));
                        return doneBeforeKill.get() >= CHUNKS / 4
                                && (requestsPerCommit == 1 || journaledUpTo > doneBeforeKill.get());
                    });
            importer.kill();
        }
        assertThat(doneBeforeKill.get()).as("killed well before the end: the restart has chunks to send")
                .isLessThan(CHUNKS - 8);
        // read before the restart books and drops it
        List<AnswerJournal.JournaledAnswer> journaled = journaledAnswers();

        try (ConfigurableApplicationContext restarted = StandaloneImporter.start(workDir, null,
                settings.toArray(String[]::new))) {
            ImportRepository imports = restarted.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> imports.findRecent(1).stream()
                    .anyMatch(i -> i.status() == ImportStatus.COMPLETED));
            ImportRecord record = imports.findRecent(1).get(0);
            List<ChunkRecord> ledger = restarted.getBean(ImportChunkRepository.class).findByImport(record.id());

            assertThat(restarted.getBean(SandboxLeadLex.class).receivedRequests())
                    .as("requests after the restart: none for the %d chunks shown done before the kill", doneBeforeKill)
                    .hasSizeLessThanOrEqualTo(CHUNKS - doneBeforeKill.get());
            // the kill may come between two chunks, when none is in flight: then none is resent
            assertThat(ledger).hasSize(CHUNKS).extracting(ChunkRecord::status)
                    .isSubsetOf(ChunkStatus.SENT, ChunkStatus.RESENT);
            assertThat(ledger).filteredOn(chunk -> chunk.status() == ChunkStatus.RESENT)
                    .as("at most the requests on their way at the kill: the window's others were answered "
                            + "(journaled) or never sent (taken back)")
                    .hasSizeLessThanOrEqualTo(maxInFlight);

            // what LeadLex had answered at the kill, committed or only journaled, stays booked by the run
            // that was killed; only what the restart began again (its step execution) went out again, once each
            long restartedStep = ledger.stream().mapToLong(ChunkRecord::stepExecutionId).max().orElseThrow();
            assertThat(ledger).filteredOn(chunk -> journaled.stream()
                    .anyMatch(answer -> answer.completion().chunkNumber() == chunk.chunkNumber()))
                    .as("the chunks whose answers were journaled at the kill").hasSize(journaled.size())
                    .allSatisfy(chunk -> assertThat(chunk.stepExecutionId()).isNotEqualTo(restartedStep));
            assertThat(restarted.getBean(SandboxLeadLex.class).receivedRequests())
                    .as("requests after the restart: one for each chunk the restart began again")
                    .hasSize((int) ledger.stream().filter(chunk -> chunk.stepExecutionId() == restartedStep).count());
        }
    }

    /** The answers in the one import's journal, as a restart would find them. */
    private List<AnswerJournal.JournaledAnswer> journaledAnswers() throws IOException {
        Path journals = workDir.resolve("data").resolve("journal");
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        try (var files = Files.list(journals)) {
            List<Path> found = files.toList();
            if (found.isEmpty()) {
                return List.of();
            }
            String name = found.get(0).getFileName().toString();
            long importId = Long.parseLong(name.substring("import-".length(), name.indexOf('.')));
            return AnswerJournal.parse(importId, Files.readAllBytes(found.get(0)), null).answers();
        }
    }

    private void dropList(int ids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path list = Files.write(Files.createDirectories(workDir.resolve("inbox").resolve("cmp_kill")).resolve("big.txt"),
                lines);
        // old enough for the inbox's read lock at once
        Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static int chunksDone(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/imports")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CHUNKS_DONE.matcher(response.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static List<String> settings(int maxInFlight) throws SQLException {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.max-in-flight=" + maxInFlight,
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.sandbox.campaigns=cmp_kill",
                "--leadlex.sandbox.latency=40ms",
                "--importer.chunk-size=10"));
        settings.addAll(TestDatabase.arguments());
        return settings;
    }
}
