package com.leadlex.importer.importjob;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.NodeCluster;

/**
 * How long after its quota window resets a paused import's next request reaches LeadLex (not a test:
 * Failsafe does not pick it up). One list on a key that allows one request a minute, one contact per
 * request, {@code leadlex.max-wait} 1s: every request after the first pauses the import until the
 * next minute. The delay of each is the time from its minute's start to its arrival at the sandbox (a
 * LeadLex stand-in in this JVM, on this machine's clock like the importers' database). One node runs
 * as its own process on its default H2 database; several nodes share a fresh PostgreSQL schema
 * (127.0.0.1:5432 or IMPORTER_TEST_POSTGRES_URL) and the list is dropped into node 1's inbox, which
 * need not be the leader. Run from the project directory:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.leadlex.importer.importjob.ResumeDelayBenchmark 1 3
 * </pre>
 *
 * Arguments: nodes (default 1), pauses (default 3; each takes up to a minute), the nodes'
 * {@code importer.resume-poll-interval} (default 15s, the product's default).
 */
public final class ResumeDelayBenchmark {

    private static final String KEY = "wbk_benchmark_resume";
    private static final String CAMPAIGN = "cmp_resume_delay";

    /** The delay of each pause, in order, and their median. */
    public record Result(int nodes, List<Duration> delays, Duration median, long refused) {

        @Override
        public String toString() {
            return String.format("resume delay after a window reset, %d node(s): median %d ms over %d pauses "
                    + "(each: %s ms; 429s: %d; goal: < 2000 ms)", nodes, median.toMillis(), delays.size(),
                    delays.stream().map(Duration::toMillis).toList(), refused);
        }
    }

    private ResumeDelayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int pauses = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String pollInterval = args.length > 2 ? args[2] : "15s";
        System.out.println(measure(nodes, pauses, pollInterval));
    }

    /**
     * Imports one list that pauses {@code pauses} times and measures each pause's resume delay.
     *
     * @param pollInterval the nodes' {@code importer.resume-poll-interval}, the safety net beside the alarm
     */
    public static Result measure(int nodes, int pauses, String pollInterval) throws Exception {
        Path root = Files.createTempDirectory("resume-delay-benchmark-");
        try (StandaloneSandbox sandbox = StandaloneSandbox.start(
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=1",
                "--leadlex.sandbox.campaigns=" + CAMPAIGN);
                AutoCloseable importers = start(root, nodes, List.of(
                        "--leadlex.sandbox.enabled=false",
                        "--leadlex.base-url=" + sandbox.baseUrl(),
                        "--leadlex.api-key=" + KEY,
                        "--leadlex.requests-per-minute=1",
                        "--leadlex.max-wait=1s",
                        "--importer.chunk-size=1",
                        "--importer.resume-poll-interval=" + pollInterval))) {
            // dropped early in a minute, so that the first pause outlasts a poll of the leader: it is how
            // a leader learns of a pause made on another node
            await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Instant.now().getEpochSecond() % 60 < 20);
            drop(root.resolve("node-1/inbox").resolve(CAMPAIGN), pauses + 1);
            await().atMost(Duration.ofMinutes(pauses + 3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> accepted(sandbox).size() == pauses + 1);
            return result(nodes, sandbox.leadLex().receivedRequests());
        }
    }

    private static AutoCloseable start(Path root, int nodes, List<String> settings) throws IOException, SQLException {
        if (nodes == 1) {
            List<String> single = new ArrayList<>(settings);
            single.add("--importer.node-name=node-1");
            return ImporterProcess.start(Files.createDirectories(root.resolve("node-1")), single);
        }
        return NodeCluster.start(root, nodes, node -> settings);
    }

    private static Result result(int nodes, List<ReceivedRequest> received) {
        List<Duration> delays = new ArrayList<>();
        List<ReceivedRequest> accepted = received.stream().filter(r -> r.status() == 200).toList();
        for (ReceivedRequest request : accepted.subList(1, accepted.size())) {
            Instant reset = request.receivedAt().truncatedTo(ChronoUnit.MINUTES);
            delays.add(Duration.between(reset, request.receivedAt()));
        }
        List<Duration> sorted = delays.stream().sorted().toList();
        long refused = received.stream().filter(r -> r.status() == 429).count();
        return new Result(nodes, delays, sorted.get(sorted.size() / 2), refused);
    }

    private static List<ReceivedRequest> accepted(StandaloneSandbox sandbox) {
        return sandbox.leadLex().receivedRequests().stream().filter(r -> r.status() == 200).toList();
    }

    /** Written beside the folder, then moved in, so the folder source never reads half a list. */
    private static void drop(Path folder, int ids) throws IOException {
        List<String> lines = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Files.createDirectories(folder);
        Path writing = Files.write(folder.getParent().resolve(".resume-delay.txt"), lines);
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().minusSeconds(60)));
        Files.move(writing, folder.resolve("resume-delay.txt"));
    }
}
