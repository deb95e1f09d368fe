package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every figure of "every request as full and as early as the quota allows" in one command (not a
 * test: Failsafe does not pick it up). It runs the benchmarks one after another, each printing its
 * own lines as it goes, and ends with one summary line per figure against its goal:
 * <ul>
 * <li>the send phase against a bare HttpClient loop on the same zero-latency sink, on H2 and on
 * PostgreSQL ({@link SendPhaseBenchmark});</li>
 * <li>a window of 4 requests in flight against 1, on a sink answering in 100 ms (200 requests);</li>
 * <li>a 10,000,000-row list at {@code -Xmx256m}, 4 in flight: completed, peak heap and RSS;</li>
 * <li>requests for 20 small lists of 40 IDs, pooled ({@link PooledListsBenchmark});</li>
 * <li>the delay from a quota window's reset to a paused import's next request, one node and three
 * ({@link ResumeDelayBenchmark});</li>
 * <li>quota use on a metered key, accepted per busy minute against the quota and the 429s, one node
 * and three ({@link SharedQuotaBenchmark}).</li>
 * </ul>
 * Needs PostgreSQL (127.0.0.1:5432 or {@code IMPORTER_TEST_POSTGRES_URL}) for the several-node parts
 * and the PostgreSQL send phase. About 25 minutes in all. Run from the project directory:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" com.leadlex.importer.importjob.RequestEfficiencyBenchmark
 * </pre>
 *
 * Arguments (all optional): the parts to run, comma-separated, out of
 * {@code send,window,big,pool,resume,quota} (default all); the rows of the big list (default 10,000,000).
 */
public final class RequestEfficiencyBenchmark {

    private RequestEfficiencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = Arrays.asList((args.length > 0 ? args[0] : "send,window,big,pool,resume,quota").split(","));
        long bigRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000;
        List<String> summary = new ArrayList<>();
        if (parts.contains("send")) {
            for (String database : List.of("h2", "postgres")) {
                summary.add(SendPhaseBenchmark.sendPhaseRatio(1_000_000, 3, database, 1).toString());
            }
            summary.add(SendPhaseBenchmark.sendPhaseRatio(1_000_000, 3, "h2", 1, 8).toString());
            summary.add(SendPhaseBenchmark.sendPhaseRatio(1_000_000, 3, "h2", 4, 8).toString());
        }
        if (parts.contains("window")) {
            summary.add("requests in flight: " + SendPhaseBenchmark.inFlightRatio(200, 4));
        }
        if (parts.contains("big")) {
            summary.add("big list: " + SendPhaseBenchmark.bigList(bigRows, "h2", 4));
        }
        if (parts.contains("pool")) {
            int requests = PooledListsBenchmark.requestsForPooledLists(20, 40);
            summary.add(String.format("pooled small lists: 20 lists of 40 IDs -> %d request(s) (goal: 2)", requests));
        }
        if (parts.contains("resume")) {
            summary.add(ResumeDelayBenchmark.measure(1, 3, "15s").toString());
            summary.add(ResumeDelayBenchmark.measure(3, 2, "15s").toString());
        }
        if (parts.contains("quota")) {
            for (int nodes : List.of(1, 3)) {
                SharedQuotaBenchmark.Result quota = SharedQuotaBenchmark.measure(nodes, 36, 30);
                summary.add(String.format("quota use, %d node(s), 30 a minute: busy minutes %s of the quota, "
                        + "%d x 429 (goal: >= 0.95 and 0)", nodes, quota.busyMinuteRatios(), quota.refused()));
            }
        }
        System.out.println();
        System.out.println("== request efficiency ==");
        summary.forEach(System.out::println);
    }
}
