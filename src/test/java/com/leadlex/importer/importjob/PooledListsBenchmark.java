package com.leadlex.importer.importjob;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * Requests per pooled small list (not a test: Failsafe does not pick it up). One importer with its
 * sandbox, default pool settings ({@code importer.pool.below} 500, {@code max-wait} 60 s, on a manual
 * clock so that the wait costs no time): {@code lists} lists of {@code ids} new IDs each are dropped
 * into one campaign's inbox folder; once all are registered the clock passes the wait, and the
 * benchmark counts the add-contacts requests the sandbox received for the campaign once every list's
 * import completed. Without pooling that is one request per list at least. Writes under
 * {@code target/benchmarks/}. Run from the project directory:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.leadlex.importer.importjob.PooledListsBenchmark 20 40
 * </pre>
 *
 * Arguments: lists (default 20), IDs per list (default 40).
 */
public final class PooledListsBenchmark {

    private static final String CAMPAIGN = "cmp_bench_pool";

    private PooledListsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lists = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int ids = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int requests = requestsForPooledLists(lists, ids);
        System.out.printf("pooled small lists: %d lists of %d IDs for one campaign -> %d request(s) to LeadLex "
                + "(%.2f per list; %d without pooling)%n", lists, ids, requests, (double) requests / lists, lists);
    }

    /** The add-contacts requests {@code lists} lists of {@code ids} new IDs for one campaign cost, pooled. */
    public static int requestsForPooledLists(int lists, int ids) throws IOException {
        Path root = Files.createDirectories(Path.of("target", "benchmarks"));
        Path workDir = Files.createTempDirectory(root.toAbsolutePath(), "pooled-lists-");
        ManualClock clock = new ManualClock(Instant.now());
        try (ConfigurableApplicationContext importer = StandaloneImporter.start(workDir, clock,
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.plan=unmetered",
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--importer.pool.below=500",
                "--importer.pool.max-wait=60s",
                "--importer.webhooks.poll-interval=200ms",
                "--logging.level.root=WARN")) {
            SandboxLeadLex sandbox = importer.getBean(SandboxLeadLex.class);
            JdbcTemplate ledger = importer.getBean(JdbcTemplate.class);
            Path folder = Files.createDirectories(workDir.resolve("inbox").resolve(CAMPAIGN));
            for (int list = 0; list < lists; list++) {
                drop(folder, String.format("list-%04d.txt", list), ids);
            }
            // every list registered, and each small one's IDs in the pool: its wait has begun
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> listImports(ledger, null) == lists
                            && pooledIds(ledger) == (ids < 500 ? lists * ids : 0));
            clock.advance(Duration.ofSeconds(61));
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> listImports(ledger, "COMPLETED") == lists);
            return (int) sandbox.receivedRequests().stream().filter(r -> CAMPAIGN.equals(r.campaignId())).count();
        }
    }

    private static int pooledIds(JdbcTemplate ledger) {
        return ledger.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ? "
                + "AND LIST_IMPORT_ID IS NOT NULL", Integer.class, CAMPAIGN);
    }

    private static int listImports(JdbcTemplate ledger, String status) {
        return ledger.queryForObject("SELECT COUNT(*) FROM CONTACT_IMPORT WHERE CAMPAIGN_ID = ? AND SOURCE_NAME = "
                + "'inbox'" + (status == null ? "" : " AND STATUS = '" + status + "'"), Integer.class, CAMPAIGN);
    }

    /** A list written beside the folder, aged past the folder's read lock, then moved in at once. */
    private static void drop(Path folder, String name, int ids) throws IOException {
        List<String> lines = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path writing = Files.write(folder.getParent().resolve("." + name), lines);
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(writing, folder.resolve(name));
    }
}
