package com.leadlex.importer.importjob;

import static org.awaitility.Awaitility.await;

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
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.NodeCluster;

/**
 * Several nodes on one PostgreSQL sharing one metered key (not a test: Failsafe does not pick it up).
 * Each node gets its share of {@code requests} full chunks in a folder of its own, all dropped at
 * once; the benchmark prints, per epoch minute, the requests LeadLex accepted against the key's
 * quota, the ratio for the minutes in which work was still waiting at their end (the quota was the
 * only limit), and the 429s. Needs PostgreSQL at 127.0.0.1:5432 (or IMPORTER_TEST_POSTGRES_URL).
 * Run from the project directory:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -cp target/classes:target/test-classes:$(cat target/cp.txt) com.leadlex.importer.importjob.SharedQuotaBenchmark 3 48 30
 * </pre>
 *
 * Arguments: nodes (default 3), requests (default 48), requests per minute of the key (default 30).
 */
public final class SharedQuotaBenchmark {

    private static final String KEY = "wbk_benchmark_shared";
    private static final int CHUNK = 500;

    private SharedQuotaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        int perMinute = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        measure(nodes, requests, perMinute);
    }

    /** What one run showed: accepted per busy minute against the quota, and the 429s. */
    public record Result(int nodes, List<Double> busyMinuteRatios, long accepted, long refused) {

        /** The lowest busy minute's share of the quota; 1.0 when no minute was busy (the work fit in one). */
        public double worstBusyMinute() {
            return busyMinuteRatios.stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
        }
    }

    /** Runs {@code nodes} importers on one PostgreSQL and one key, prints the figures and returns them. */
    public static Result measure(int nodes, int requests, int perMinute) throws Exception {
        Path root = Files.createTempDirectory("shared-quota-benchmark-");
        try (StandaloneSandbox sandbox = StandaloneSandbox.start(
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=" + perMinute,
                "--leadlex.sandbox.keys[0].requests-per-day=1000000",
                "--leadlex.sandbox.campaigns=cmp_bench",
                "--leadlex.sandbox.latency=150ms");
                NodeCluster cluster = NodeCluster.start(root, nodes, node -> List.of(
                        "--leadlex.sandbox.enabled=false",
                        "--leadlex.base-url=" + sandbox.baseUrl(),
                        "--leadlex.api-key=" + KEY,
                        "--leadlex.requests-per-minute=" + perMinute,
                        "--leadlex.requests-per-day=1000000",
                        "--leadlex.max-wait=10m"))) {
            System.out.printf("%d node(s) up; %d requests' worth of lists on a %d/minute key%n", nodes, requests,
                    perMinute);
            Instant dropped = Instant.now();
            for (int node = 0; node < nodes; node++) {
                int share = requests / nodes + (node < requests % nodes ? 1 : 0);
                drop(cluster.workDir(node).resolve("inbox/cmp_bench"), "node-" + (node + 1) + ".txt", share * CHUNK);
            }
            JdbcTemplate ledger = cluster.database();
            await().atMost(Duration.ofMinutes(requests / perMinute + 5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> completed(ledger) == nodes);
            return report(nodes, sandbox.leadLex().receivedRequests(), perMinute,
                    Duration.between(dropped, Instant.now()));
        }
    }

    private static Result report(int nodes, List<ReceivedRequest> received, int perMinute, Duration took) {
        Map<Long, List<ReceivedRequest>> byMinute = received.stream().collect(Collectors.groupingBy(
                r -> r.receivedAt().getEpochSecond() / 60, TreeMap::new, Collectors.toList()));
        long accepted = received.stream().filter(r -> r.status() == 200).count();
        long refused = received.stream().filter(r -> r.status() == 429).count();
        System.out.printf("done in %d s: %d accepted, %d x 429%n", took.toSeconds(), accepted, refused);
        List<Long> minutes = new ArrayList<>(byMinute.keySet());
        List<Double> busyRatios = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            long ok = byMinute.get(minutes.get(i)).stream().filter(r -> r.status() == 200).count();
            boolean busy = i < minutes.size() - 1; // work was still waiting when this minute ended
            System.out.printf("  minute %s: %d accepted / %d = %.2f%s%n",
                    Instant.ofEpochSecond(minutes.get(i) * 60), ok, perMinute, (double) ok / perMinute,
                    busy ? "" : " (last minute: the work ran out)");
            if (busy) {
                busyRatios.add((double) ok / perMinute);
            }
        }
        System.out.printf("accepted per busy minute / quota: %s; 429s: %d (goal: >= 0.95 and 0)%n",
                busyRatios.stream().map(r -> String.format("%.2f", r)).toList(), refused);
        return new Result(nodes, busyRatios, accepted, refused);
    }

    private static int completed(JdbcTemplate ledger) {
        return ledger.queryForObject("SELECT COUNT(*) FROM CONTACT_IMPORT WHERE STATUS = 'COMPLETED'", Integer.class);
    }

    private static void drop(Path folder, String name, int ids) throws Exception {
        List<String> lines = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Files.createDirectories(folder);
        Path writing = Files.write(folder.getParent().resolve("." + name), lines);
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(writing, folder.resolve(name));
    }
}
