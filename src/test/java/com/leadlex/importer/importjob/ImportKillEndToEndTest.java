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
 * showed chunks as done, and after the restart none of those is sent again. Only the chunks of the
 * commit window under way (one request, or as many as {@link CommitWindow} books at once) may go out
 * twice, and they are booked {@code resent}.
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
     * One request a commit, the default; and 8 requests a commit ({@code importer.requests-per-commit}),
     * 4 of them in flight at once: a kill may leave up to 8 to send again; the rest holds as for one.
     */
    @ParameterizedTest(name = "max-in-flight {0}, requests per commit {1}")
    @CsvSource({ "1, 1", "4, 8" })
    void chunksShownAsDoneBeforeAKillAreNotSentAgainAfterTheRestart(int maxInFlight, int requestsPerCommit)
            throws Exception {
        List<String> settings = settings(maxInFlight);
        settings.add("--importer.requests-per-commit=" + requestsPerCommit);
        int doneBeforeKill;
        try (ImporterProcess importer = ImporterProcess.start(workDir, settings)) {
            dropList(CHUNKS * 10);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> chunksDone(importer.port()) >= CHUNKS / 4);
            doneBeforeKill = chunksDone(importer.port());
            importer.kill();
        }
        assertThat(doneBeforeKill).isLessThan(CHUNKS);

        try (ConfigurableApplicationContext restarted = StandaloneImporter.start(workDir, null,
                settings.toArray(String[]::new))) {
            ImportRepository imports = restarted.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> imports.findRecent(1).stream()
                    .anyMatch(i -> i.status() == ImportStatus.COMPLETED));
            ImportRecord record = imports.findRecent(1).get(0);
            List<ChunkRecord> ledger = restarted.getBean(ImportChunkRepository.class).findByImport(record.id());

            assertThat(restarted.getBean(SandboxLeadLex.class).receivedRequests())
                    .as("requests after the restart: none for the %d chunks shown done before the kill", doneBeforeKill)
                    .hasSizeLessThanOrEqualTo(CHUNKS - doneBeforeKill);
            // the kill may come between two chunks, when none is in flight: then none is resent
            assertThat(ledger).hasSize(CHUNKS).extracting(ChunkRecord::status)
                    .isSubsetOf(ChunkStatus.SENT, ChunkStatus.RESENT);
            assertThat(ledger).filteredOn(chunk -> chunk.status() == ChunkStatus.RESENT)
                    .as("at most the chunks of the commit window under way at the kill")
                    .hasSizeLessThanOrEqualTo(requestsPerCommit);
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
