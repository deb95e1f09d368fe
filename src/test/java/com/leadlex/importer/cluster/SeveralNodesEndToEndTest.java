package com.leadlex.importer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.TestDatabase;
import com.leadlex.importer.web.ApiClient;

/**
 * Two importer processes on one PostgreSQL, with the default lease and leader settings, talking to
 * one sandbox that outlives them: both list each other with one leader between them, and only the
 * leader runs the scheduled (cron) pickup; a stop asked
 * through node B's API stops the import node A runs, and a restart through B goes on from there;
 * when A is killed with {@code kill -9} mid-import, B finishes A's import within a minute, every ID
 * enrolled and at most the chunk in flight re-sent. The nodes share one data directory for now
 * (their staged lists are files there); once staged IDs live in the database each gets its own.
 */
@Tag("scenario")
@Tag(TestDatabase.TAG)
class SeveralNodesEndToEndTest {

    private static final String CAMPAIGN = "cmp_nodes";
    private static final String NIGHTLY_CRON = "cron 0/2 * * * * ?";
    private static final String NIGHTLY_RAN = "Scheduled pickup nightly-pickup (" + NIGHTLY_CRON + " UTC) ran";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    private StandaloneSandbox sandbox;

    @BeforeAll
    static void onPostgreSqlOnly() {
        // several nodes need a database they can share: an H2 file belongs to one process
        assumeTrue(TestDatabase.isPostgres(), "several nodes run on PostgreSQL only");
        assumeTrue(TestDatabase.usable());
    }

    @AfterEach
    void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aStopThroughOneNodeReachesTheOtherAndAKilledNodesImportIsFinishedByTheOther() throws Exception {
        sandbox = StandaloneSandbox.start("--leadlex.sandbox.campaigns=" + CAMPAIGN, "--leadlex.sandbox.latency=50ms");
        List<String> settings = settings();
        try (ImporterProcess nodeA = ImporterProcess.start(workDir, with(settings, "node-a"));
                ImporterProcess nodeB = ImporterProcess.start(workDir, with(settings, "node-b"))) {
            ApiClient apiA = ApiClient.anonymous(nodeA.port());
            ApiClient apiB = ApiClient.anonymous(nodeB.port());

            // both nodes list both, alive, with one leader they agree on
            await().atMost(Duration.ofSeconds(30)).until(() -> leaderOf(apiA) != null && leaderOf(apiB) != null);
            for (ApiClient api : List.of(apiA, apiB)) {
                JsonNode nodes = json(api.get("/api/nodes"));
                assertThat(names(nodes)).containsExactlyInAnyOrder("node-a", "node-b");
                assertThat(nodes.valueStream().filter(node -> node.get("alive").asBoolean())).hasSize(2);
                assertThat(nodes.valueStream().filter(node -> node.get("leader").asBoolean())).hasSize(1);
            }
            assertThat(leaderOf(apiA)).isEqualTo(leaderOf(apiB));

            // the scheduled pickup runs on the leader only; the other holds it back
            ImporterProcess leader = "node-a".equals(leaderOf(apiA)) ? nodeA : nodeB;
            ImporterProcess standby = leader == nodeA ? nodeB : nodeA;
            await().atMost(Duration.ofSeconds(30)).until(() -> leader.logContains(NIGHTLY_RAN));
            assertThat(standby.logContains("Scheduled pickup nightly-pickup (" + NIGHTLY_CRON
                    + " UTC) stands by on this node")).isTrue();
            assertThat(standby.logContains(NIGHTLY_RAN)).as("the pickup never ran on the standby").isFalse();

            // a stop through B reaches the import A runs
            long stopped = upload(apiA, "stopped.txt", 600);
            await().atMost(Duration.ofMinutes(1)).until(() -> chunksDone(apiA, stopped) >= 3);
            assertThat(json(apiB.get("/api/imports/" + stopped)).get("node").asString()).isEqualTo("node-a");
            assertThat(apiB.post("/api/imports/" + stopped + "/stop").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "STOPPED".equals(status(apiA, stopped)));
            assertThat(chunksDone(apiA, stopped)).as("stopped before its end").isLessThan(60);
            assertThat(nodeA.logContains("Import " + stopped + ": stop requested through another node")).isTrue();

            // a restart through B goes on from where it stopped, run by whichever node took it
            assertThat(apiB.post("/api/imports/" + stopped + "/restart").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(1)).until(() -> "COMPLETED".equals(status(apiA, stopped)));
            assertThat(sandbox.leadLex().enrolledCount(CAMPAIGN)).isEqualTo(600);

            // kill -9 of A mid-import: B takes it over once its lease expired, and finishes it
            long orphaned = upload(apiA, "orphaned.txt", 600);
            await().atMost(Duration.ofMinutes(1)).until(() -> chunksDone(apiA, orphaned) >= 5);
            nodeA.kill();
            long killedAt = System.nanoTime();
            int doneAtKill = chunksDone(apiB, orphaned);
            assertThat(doneAtKill).as("killed mid-import").isLessThan(60);

            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(250))
                    .until(() -> "COMPLETED".equals(status(apiB, orphaned)));
            Duration tookOver = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(tookOver).as("finished by node B within a minute of the kill").isLessThan(Duration.ofMinutes(1));
            assertThat(json(apiB.get("/api/imports/" + orphaned)).get("node").asString()).isEqualTo("node-b");
            assertThat(sandbox.leadLex().enrolledCount(CAMPAIGN)).as("every ID of both lists").isEqualTo(1_200);
            List<String> chunkStatuses = json(apiB.get("/api/imports/" + orphaned + "/chunks")).valueStream()
                    .map(chunk -> chunk.get("status").asString()).toList();
            // the kill may come between two chunks, when none is in flight: then none is resent
            assertThat(chunkStatuses).hasSize(60).isSubsetOf("sent", "resent");
            assertThat(chunkStatuses).filteredOn("resent"::equals).as("at most the chunk in flight").hasSizeLessThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> "node-b".equals(leaderOf(apiB)));
        }
    }

    private List<String> settings() throws SQLException {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.base-url=" + sandbox.baseUrl(),
                "--leadlex.sandbox.enabled=false",
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.plan=unmetered",
                "--importer.chunk-size=10",
                "--importer.sources.nightly-pickup.enabled=true",
                "--importer.sources.nightly-pickup.directory=" + workDir.resolve("nightly"),
                "--importer.sources.nightly-pickup.cron=0/2 * * * * ?",
                "--importer.sources.nightly-pickup.time-zone=UTC",
                "--importer.sources.nightly-pickup.campaign=" + CAMPAIGN));
        settings.addAll(TestDatabase.arguments());
        return settings;
    }

    private static List<String> with(List<String> settings, String nodeName) {
        List<String> node = new ArrayList<>(settings);
        node.add("--importer.node-name=" + nodeName);
        return node;
    }

    private long upload(ApiClient api, String fileName, int ids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path list = Files.write(workDir.resolve(fileName), lines);
        HttpResponse<String> answer = api.upload("/api/imports", list, Map.of("campaign", CAMPAIGN));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer).get("importId").asLong();
    }

    private static String leaderOf(ApiClient api) {
        return json(api.get("/api/nodes")).valueStream().filter(node -> node.get("leader").asBoolean())
                .map(node -> node.get("name").asString()).findFirst().orElse(null);
    }

    private static List<String> names(JsonNode nodes) {
        return nodes.valueStream().map(node -> node.get("name").asString()).toList();
    }

    private static String status(ApiClient api, long importId) {
        return json(api.get("/api/imports/" + importId)).get("status").asString();
    }

    private static int chunksDone(ApiClient api, long importId) {
        return json(api.get("/api/imports/" + importId)).get("chunksDone").asInt();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
