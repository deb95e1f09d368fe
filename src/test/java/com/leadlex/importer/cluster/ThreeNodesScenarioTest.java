package com.leadlex.importer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.NodeCluster;
import com.leadlex.importer.system.PostgresTestDatabase;
import com.leadlex.importer.system.TestDatabase;

/**
 * Three importers on one PostgreSQL, each with a data directory of its own, one LeadLex key of 30
 * requests a minute between them, one folder they all watch (node 2 through a link, so it sees the
 * folder at another path), and each a folder of its own. Together they stay inside the key's quota
 * (no 429), take each shared list once, and finish the import of a node killed with {@code kill -9}.
 * The tests run in order on one cluster: the last one kills a node.
 */
@Tag("scenario")
@Tag(TestDatabase.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesScenarioTest {

    private static final String KEY = "wbk_cluster_thirty";
    private static final int PER_MINUTE = 30;
    private static final int CHUNK = 500;

    @TempDir
    static Path root;

    private static StandaloneSandbox sandbox;
    private static NodeCluster cluster;
    private static JdbcTemplate ledger;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "several nodes share one PostgreSQL; H2 is one process's file");
        assumeTrue(PostgresTestDatabase.availableOrRequired(), "no PostgreSQL here");
        sandbox = StandaloneSandbox.start(
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=" + PER_MINUTE,
                "--leadlex.sandbox.keys[0].requests-per-day=100000",
                "--leadlex.sandbox.campaigns=cmp_quota,cmp_shared,cmp_failover",
                "--leadlex.sandbox.latency=150ms");
        Path shared = Files.createDirectories(root.resolve("shared-inbox"));
        Path link = Files.createSymbolicLink(root.resolve("shared-inbox-link"), shared);
        cluster = NodeCluster.start(root, 3, node -> List.of(
                "--leadlex.sandbox.enabled=false",
                "--leadlex.base-url=" + sandbox.baseUrl(),
                "--leadlex.api-key=" + KEY,
                "--leadlex.requests-per-minute=" + PER_MINUTE,
                "--leadlex.requests-per-day=100000",
                "--importer.lease-ttl=15s",
                "--importer.inbox=" + (node == 1 ? link : shared),
                "--importer.sources.own-drop.kind=folder",
                "--importer.sources.own-drop.directory=" + root.resolve("node-" + (node + 1)).resolve("own-drop"),
                "--importer.sources.own-drop.campaign-from-folder=true",
                "--importer.sources.own-drop.source-name=node-" + (node + 1) + "-drop"));
        ledger = cluster.database();
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void threeNodesSendingOnOneThirtyAMinuteKeyDrawNo429() throws IOException {
        int chunksEach = 15;
        for (int node = 0; node < 3; node++) {
            drop(cluster.workDir(node).resolve("own-drop/cmp_quota"), "node-" + (node + 1) + ".txt", chunksEach * CHUNK);
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> completed("cmp_quota") == 3);

        List<ReceivedRequest> requests = sandbox.leadLex().receivedRequests().stream()
                .filter(r -> "cmp_quota".equals(r.campaignId())).toList();
        assertThat(requests).as("answers by status").extracting(ReceivedRequest::status).containsOnly(200);
        assertThat(requests).hasSize(3 * chunksEach);
        assertThat(perMinute(requests).values()).as("requests per minute window").allMatch(n -> n <= PER_MINUTE);
        assertThat(sandbox.leadLex().enrolledCount("cmp_quota")).isEqualTo(3 * chunksEach * CHUNK);
        assertThat(ledger.queryForList("SELECT DISTINCT SOURCE_NAME FROM CONTACT_IMPORT WHERE CAMPAIGN_ID = 'cmp_quota'",
                String.class)).as("every node sent its own list")
                .containsExactlyInAnyOrder("node-1-drop", "node-2-drop", "node-3-drop");
    }

    @Test
    @Order(2)
    void sixListsDroppedIntoTheSharedFolderMakeSixImports() throws IOException {
        Path folder = root.resolve("shared-inbox/cmp_shared");
        for (int list = 1; list <= 6; list++) {
            drop(folder, "shared-" + list + ".csv", 100);
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> completed("cmp_shared") == 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> countFiles(folder.resolve("done")) == 6);

        assertThat(ledger.queryForList("SELECT FILE_NAME FROM CONTACT_IMPORT WHERE CAMPAIGN_ID = 'cmp_shared'",
                String.class)).containsExactlyInAnyOrder("shared-1.csv", "shared-2.csv", "shared-3.csv",
                        "shared-4.csv", "shared-5.csv", "shared-6.csv");
        assertThat(sandbox.leadLex().enrolledCount("cmp_shared")).isEqualTo(600);
        assertThat(ledger.queryForObject("SELECT COUNT(*) FROM SOURCE_FILE_SEEN WHERE messageId LIKE 'inbox:cmp_shared/%'",
                Integer.class)).isEqualTo(6);
        assertNo429();
    }

    @Test
    @Order(3)
    void theImportOfANodeKilledMidImportIsFinishedByAnotherWithinAMinute() throws IOException {
        int chunks = 24;
        List<String> ids = drop(cluster.workDir(0).resolve("own-drop/cmp_failover"), "failover.txt", chunks * CHUNK);
        awaitOrExplain(Duration.ofMinutes(2), () -> chunksSent("cmp_failover") >= 3);
        cluster.node(0).kill();
        int sentAtKill = chunksSent("cmp_failover");

        // taken over within a minute: another node books chunks again (the lease here lasts 15 s)
        awaitOrExplain(Duration.ofMinutes(1), () -> chunksSent("cmp_failover") > sentAtKill + 1);
        awaitOrExplain(Duration.ofMinutes(2), () -> completed("cmp_failover") == 1);

        assertThat(sandbox.leadLex().enrolledCount("cmp_failover")).isEqualTo(ids.size());
        assertThat(ids).allMatch(id -> sandbox.leadLex().isEnrolled("cmp_failover", id));
        assertThat(ledger.queryForObject("SELECT COUNT(*) FROM IMPORT_CHUNK c JOIN CONTACT_IMPORT i ON i.ID = c.IMPORT_ID "
                + "WHERE i.CAMPAIGN_ID = 'cmp_failover' AND LOWER(c.STATUS) = 'resent'", Integer.class))
                .as("at most the chunk in flight at the kill is sent again").isLessThanOrEqualTo(1);
        assertNo429();
    }

    /** Waits for {@code condition}; on time-out fails with every import's state and the live nodes' last log lines. */
    private static void awaitOrExplain(Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
        } catch (ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder(e.getMessage()).append("\nimports:\n");
            ledger.queryForList("SELECT ID, CAMPAIGN_ID, FILE_NAME, STATUS, LAST_ERROR FROM CONTACT_IMPORT ORDER BY ID")
                    .forEach(row -> state.append("  ").append(row).append('\n'));
            for (int node = 0; node < cluster.size(); node++) {
                state.append("node-").append(node + 1).append(" log:\n").append(cluster.node(node).logTail(40))
                        .append('\n');
            }
            throw new AssertionError(state.toString(), e);
        }
    }

    private static void assertNo429() {
        assertThat(sandbox.leadLex().receivedRequests()).extracting(ReceivedRequest::status).doesNotContain(429);
    }

    private static int completed(String campaign) {
        return ledger.queryForObject("SELECT COUNT(*) FROM CONTACT_IMPORT WHERE CAMPAIGN_ID = ? AND STATUS = 'COMPLETED'",
                Integer.class, campaign);
    }

    private static int chunksSent(String campaign) {
        return ledger.queryForObject("SELECT COUNT(*) FROM IMPORT_CHUNK c JOIN CONTACT_IMPORT i ON i.ID = c.IMPORT_ID "
                + "WHERE i.CAMPAIGN_ID = ? AND LOWER(c.STATUS) IN ('sent', 'resent')", Integer.class, campaign);
    }

    private static Map<Long, Long> perMinute(List<ReceivedRequest> requests) {
        return requests.stream().collect(Collectors.groupingBy(r -> r.receivedAt().getEpochSecond() / 60, TreeMap::new,
                Collectors.counting()));
    }

    /** A list of {@code ids} new IDs, old enough for the folder's read lock at once. */
    private static List<String> drop(Path folder, String name, int ids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Files.createDirectories(folder);
        Path staged = Files.write(folder.getParent().resolve("." + name + ".writing"), lines);
        Files.setLastModifiedTime(staged, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(staged, folder.resolve(name));
        return lines;
    }

    private static long countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
