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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxCampaigns.ProcessedCounts;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * Nodes share only the database: a node killed with {@code kill -9} mid-import, whose data directory is
 * then gone for good (a container's disk), has its import finished by another node with a data
 * directory of its own, on the same PostgreSQL. Every ID is enrolled once, only the chunks of the commit
 * under way at the kill may go out twice, booked resent (the dead node's answer journal, which would
 * have kept their answers, went with its disk), and the second node's API serves results.csv with every
 * ID's outcome,
 * those of the chunks the first node sent included. Two processes cannot open one H2 file database,
 * so this runs in the PostgreSQL run only.
 */
@Tag(TestDatabase.TAG)
class ImportFinishedByAnotherNodeEndToEndTest {

    private static final Pattern CHUNKS_DONE = Pattern.compile("\"chunksDone\":(\\d+)");
    private static final String CAMPAIGN = "cmp_other_node";
    private static final int CHUNK_SIZE = 10;
    private static final int CHUNKS = 100;

    /** Kept when the test fails: each node's log is the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    StandaloneSandbox leadLex;

    /** Reported as skipped, with the reason, in the H2 run. */
    @BeforeEach
    void onPostgresOnlyStartLeadLex() {
        assumeTrue(TestDatabase.isPostgres(), "two nodes need one database that both reach: an H2 file is locked "
                + "by the process that opened it, so this test runs in the PostgreSQL run");
        assumeTrue(TestDatabase.usable());
        leadLex = StandaloneSandbox.start("--leadlex.sandbox.campaigns=" + CAMPAIGN, "--leadlex.sandbox.latency=40ms");
    }

    @AfterEach
    void stopLeadLex() {
        if (leadLex != null) {
            leadLex.close();
        }
    }

    @Test
    void anotherNodeWithItsOwnDataDirectoryFinishesTheImportOfANodeKilledMidImport() throws Exception {
        List<String> database = TestDatabase.arguments();
        Path nodeA = workDir.resolve("node-a");
        List<String> ids = dropList(nodeA, CHUNKS * CHUNK_SIZE);
        int doneBeforeKill;
        try (ImporterProcess first = ImporterProcess.start(nodeA, settings("node-a", database))) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> chunksDone(first.port()) >= CHUNKS / 5);
            doneBeforeKill = chunksDone(first.port());
            first.kill();
        }
        assertThat(doneBeforeKill).as("killed mid-import").isLessThan(CHUNKS);
        deleteTree(nodeA.resolve("data"));

        Path nodeB = workDir.resolve("node-b");
        try (ConfigurableApplicationContext second = StandaloneImporter.start(nodeB, null,
                settings("node-b", database).toArray(String[]::new))) {
            ImportRepository imports = second.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> imports.findRecent(1).stream().anyMatch(i -> i.status() == ImportStatus.COMPLETED));
            ImportRecord record = imports.findRecent(1).get(0);
            List<ChunkRecord> ledger = second.getBean(ImportChunkRepository.class).findByImport(record.id());

            ProcessedCounts processed = leadLex.leadLex().processedCounts(CAMPAIGN);
            assertThat(leadLex.leadLex().enrolledCount(CAMPAIGN)).isEqualTo(ids.size());
            assertThat(processed.added()).as("every ID added once").isEqualTo(ids.size());
            // a commit holds what LeadLex answers in CommitWindow.TARGET: at 40 ms a request, at most 5; the
            // dead node's answer journal went with its disk, so the answered ones of that commit go out again
            long commitAtMost = CommitWindow.TARGET.toMillis() / 40;
            assertThat(processed.skipped()).as("at most the chunks of the commit under way at the kill sent again")
                    .isLessThanOrEqualTo(CHUNK_SIZE * commitAtMost);
            assertThat(ledger).hasSize(CHUNKS).extracting(ChunkRecord::status)
                    .isSubsetOf(ChunkStatus.SENT, ChunkStatus.RESENT);
            assertThat(ledger).filteredOn(chunk -> chunk.status() == ChunkStatus.RESENT)
                    .as("at most the chunks of the commit under way at the kill")
                    .hasSizeLessThanOrEqualTo((int) commitAtMost);
            assertThat(nodeB.resolve("data").resolve("imports").resolve(record.stagingName())
                    .resolve(ImportFiles.SPOOL)).as("the second node's copy, restored from the database").exists();

            Map<String, String> outcomes = resultsServedBy(second, record.id());
            assertThat(outcomes.keySet()).as("one line per ID of the list").isEqualTo(new HashSet<>(ids));
            Set<String> resent = ledger.stream().filter(chunk -> chunk.status() == ChunkStatus.RESENT)
                    .flatMap(chunk -> ids.subList((int) chunk.firstLine() - 1, (int) chunk.lastLine()).stream())
                    .collect(Collectors.toSet());
            assertThat(outcomes).allSatisfy((id, outcome) -> assertThat(outcome).as(id)
                    .isIn(resent.contains(id) ? List.of("added", "already_enrolled") : List.of("added")));
            assertThat(ids.subList(0, doneBeforeKill * CHUNK_SIZE))
                    .as("the chunks the killed node sent: their outcomes came through the database")
                    .allMatch(id -> outcomes.get(id).equals("added"));
        }
    }

    private List<String> settings(String nodeName, List<String> database) {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.enabled=false",
                "--leadlex.base-url=" + leadLex.baseUrl(),
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--importer.chunk-size=" + CHUNK_SIZE,
                "--importer.node-name=" + nodeName,
                "--importer.lease-ttl=3s"));
        settings.addAll(database);
        return settings;
    }

    /** A list of fresh IDs in the node's inbox, in spool order (no invalid rows, no repeats). */
    private static List<String> dropList(Path node, int count) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Path list = Files.write(Files.createDirectories(node.resolve("inbox").resolve(CAMPAIGN)).resolve("list.txt"),
                ids);
        // old enough for the inbox's read lock at once
        Files.setLastModifiedTime(list, FileTime.from(Instant.now().minusSeconds(60)));
        return ids;
    }

    /** results.csv as the node's API serves it: contact ID to outcome. */
    private static Map<String, String> resultsServedBy(ConfigurableApplicationContext node, long importId)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) node).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/imports/" + importId + "/results.csv")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,contact_id,outcome,reason,chunk,email,found_by");
        return lines.stream().skip(1).map(line -> line.split(",", -1))
                .collect(Collectors.toMap(fields -> fields[1], fields -> fields[2]));
    }

    private static int chunksDone(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/imports")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CHUNKS_DONE.matcher(response.body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(root).doesNotExist();
    }
}
