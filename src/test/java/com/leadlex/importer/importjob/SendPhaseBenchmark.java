package com.leadlex.importer.importjob;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.impl.DefaultCamelContext;

import com.leadlex.importer.LeadLexImporterApplication;
import com.leadlex.importer.leadlex.CamelLeadLexTransport;
import com.leadlex.importer.leadlex.HttpCall;
import com.leadlex.importer.leadlex.HttpReply;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.leadlex.SendContactChunkRoute;
import com.leadlex.importer.system.PostgresTestDatabase;

/**
 * How fast the importer sends, beside what the machine allows (not a test: Failsafe does not pick it
 * up). Every importer run is the one-shot {@code import} command in a process of its own with
 * {@code -Xmx256m}, against LeadLex played by {@link AddContactsSink} in another process; the figures
 * are read from the job's own tables (the send step's start and end) and from the process (peak RSS
 * from {@code /proc}, peak heap from its GC log). It prints:
 * <ul>
 * <li>the send-phase rate of the importer against a bare JDK HttpClient loop ({@link BareHttpLoop})
 * sending the same list's IDs, 500 a request, to the same zero-latency sink, in a process of its own
 * started like the importer's, so both run cold: IDs/s each and the ratio (bare / importer), median of
 * the runs, per database (goal: at most 1.5 on H2, durable commits included), and the same for the
 * list's second half alone, when both processes are warm. Beside them, the bare loop and the
 * importer's Camel route alone, warm in the benchmark's own JVM;</li>
 * <li>one import with {@code leadlex.max-in-flight} 1 against 4, on a sink answering in 100 ms: the
 * ratio of their send-phase rates (goal: at least 3);</li>
 * <li>a 10,000,000-row list at {@code -Xmx256m}: whether it completes, its send-phase rate, peak heap and
 * peak RSS.</li>
 * </ul>
 * Run from the project directory (PostgreSQL at {@code IMPORTER_TEST_POSTGRES_URL}, or 127.0.0.1:5432):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) com.leadlex.importer.importjob.SendPhaseBenchmark 1000000 3 h2,postgres 10000000
 * </pre>
 *
 * Arguments: IDs per ratio run (default 1,000,000), runs (default 3), databases (default {@code h2}),
 * rows of the big list (default 10,000,000; 0 skips it), parts to run (default {@code ratio,window,big}; {@code ratio}
 * is the five send-phase configurations, each also runs alone: {@code default} (every setting left to its default,
 * per database), {@code commit1} (one request a commit, the default before commit windows adapted), {@code commit8},
 * {@code flight4} or {@code flight4commit8}; {@code floor} measures the bare loop against the importer's Camel route
 * alone).
 * The system property {@code sendphase.importer-args} adds JVM options, space-separated, to every importer
 * process (for experiments: another datasource URL, a JIT flag).
 */
public final class SendPhaseBenchmark {

    private static final String CAMPAIGN = "cmp_bench";
    private static final int CHUNK = 500;
    private static final Pattern GC_BEFORE = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

    private SendPhaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> databases = Arrays.asList((args.length > 2 ? args[2] : "h2").split(","));
        long bigRows = args.length > 3 ? Long.parseLong(args[3]) : 10_000_000;
        List<String> parts = Arrays.asList((args.length > 4 ? args[4] : "ratio,window,big").split(","));
        boolean all = parts.contains("ratio");
        if (all || parts.contains("default")) {
            for (String database : databases) {
                System.out.println(sendPhaseRatio(ids, runs, database, 1));
            }
        }
        if (all || parts.contains("commit1")) {
            System.out.println(sendPhaseRatio(ids, runs, "h2", 1, 1));
        }
        if (all || parts.contains("commit8")) {
            System.out.println(sendPhaseRatio(ids, runs, "h2", 1, 8));
        }
        if (all || parts.contains("flight4")) {
            System.out.println(sendPhaseRatio(ids, runs, "h2", 4));
        }
        if (all || parts.contains("flight4commit8")) {
            System.out.println(sendPhaseRatio(ids, runs, "h2", 4, 8));
        }
        if (parts.contains("floor")) {
            System.out.println(transportFloor(ids, runs));
        }
        if (parts.contains("window")) {
            System.out.println(inFlightRatio(200, 4));
        }
        if (parts.contains("big") && bigRows > 0) {
            System.out.println(bigList(bigRows, "h2", 4));
        }
    }

    /** The send-phase figures of the importer and the bare loop on one sink, medians of {@code runs}. */
    public record SendPhaseRatio(String database, int ids, int maxInFlight, Integer requestsPerCommit,
            double importerIdsPerSecond,
            double bareIdsPerSecond, double ratio, List<Double> ratios, double warmBareIdsPerSecond,
            double camelRouteIdsPerSecond, double camelRouteRatio, double secondHalfRatio,
            List<Double> secondHalfRatios) {
        @Override
        public String toString() {
            return String.format("send phase on %s, %,d IDs, max-in-flight %d, requests per commit %s: importer "
                    + "%,.0f IDs/s, bare HttpClient loop in a process of its own %,.0f IDs/s, ratio %.2f (median "
                    + "of %s; goal <= 1.5); beside them, warm in the benchmark's JVM: the bare loop %,.0f IDs/s, "
                    + "the importer's Camel route alone (no quota, ledger or Spring Batch) %,.0f IDs/s, ratio "
                    + "%.2f; the second half of the list alone (both processes warm by then): ratio %.2f (median of "
                    + "%s)", database, ids, maxInFlight,
                    requestsPerCommit == null ? "as the defaults set them (adaptive)" : requestsPerCommit.toString(),
                    importerIdsPerSecond,
                    bareIdsPerSecond, ratio, format(ratios), warmBareIdsPerSecond, camelRouteIdsPerSecond,
                    camelRouteRatio, secondHalfRatio, format(secondHalfRatios));
        }
    }

    /** One import with one request in flight against the same with several, on a slow LeadLex. */
    public record InFlightRatio(int requests, int maxInFlight, double oneIdsPerSecond, double windowIdsPerSecond,
            double ratio) {
        @Override
        public String toString() {
            return String.format("100-ms LeadLex, %d requests: 1 in flight %,.0f IDs/s, %d in flight %,.0f IDs/s, "
                    + "ratio %.2f (goal >= 3)", requests, oneIdsPerSecond, maxInFlight, windowIdsPerSecond, ratio);
        }
    }

    /** A big list's run at -Xmx256m. */
    public record BigListRun(long rows, int maxInFlight, boolean completed, double idsPerSecond, long peakHeapMb,
            long peakRssMb, Duration took) {
        @Override
        public String toString() {
            return String.format("%,d-row list at -Xmx256m, max-in-flight %d: %s in %d s, send phase %,.0f IDs/s, "
                    + "peak heap %d MB, peak RSS %d MB", rows, maxInFlight, completed ? "completed" : "NOT completed",
                    took.toSeconds(), idsPerSecond, peakHeapMb, peakRssMb);
        }
    }

    /** The importer against the bare loop on a zero-latency sink, {@code runs} times; medians. */
    public static SendPhaseRatio sendPhaseRatio(int ids, int runs, String database, int maxInFlight)
            throws Exception {
        return sendPhaseRatio(ids, runs, database, maxInFlight, null);
    }

    /** The same, with {@code importer.requests-per-commit} set (null: left to the default). */
    public static SendPhaseRatio sendPhaseRatio(int ids, int runs, String database, int maxInFlight,
            Integer requestsPerCommit) throws Exception {
        List<Double> importer = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> warmBare = new ArrayList<>();
        List<Double> camelRoute = new ArrayList<>();
        List<Double> camelRatios = new ArrayList<>();
        List<Double> secondHalfRatios = new ArrayList<>();
        try (Sink sink = Sink.start(0)) {
            // LeadLex is warm: untimed, so that the first run's importer does not pay for the sink's JIT. Every
            // run ends with both in-process loops; before the first the sink gets the same, or the first
            // importer (measured before its bare loop) meets a colder sink than any other process does
            bareLoop(sink, ids);
            camelRouteLoop(sink, ids);
            for (int run = 0; run < runs; run++) {
                Path work = Files.createTempDirectory("send-phase-");
                Path list = writeList(work, ids);
                ImporterRun measured = ImporterRun.of(work, list, sink, database, maxInFlight, requestsPerCommit);
                BareRun bareRun = bareLoopProcess(sink, list, work);
                double bareRate = bareRun.idsPerSecond();
                double warmBareRate = bareLoop(sink, ids);
                double camelRate = camelRouteLoop(sink, ids);
                importer.add(measured.idsPerSecond());
                bare.add(bareRate);
                ratios.add(bareRate / measured.idsPerSecond());
                warmBare.add(warmBareRate);
                camelRoute.add(camelRate);
                camelRatios.add(warmBareRate / camelRate);
                secondHalfRatios.add(bareRun.secondHalfIdsPerSecond() / measured.secondHalfIdsPerSecond());
                System.out.printf("  run %d on %s: importer %,.0f IDs/s, bare loop in its own process %,.0f IDs/s; "
                        + "second half: importer %,.0f IDs/s, bare loop %,.0f IDs/s; "
                        + "warm in this JVM: bare %,.0f IDs/s, Camel route alone %,.0f IDs/s%n",
                        run + 1, database, measured.idsPerSecond(), bareRate, measured.secondHalfIdsPerSecond(),
                        bareRun.secondHalfIdsPerSecond(), warmBareRate, camelRate);
            }
        }
        return new SendPhaseRatio(database, ids, maxInFlight, requestsPerCommit, median(importer), median(bare),
                median(ratios), ratios, median(warmBare), median(camelRoute), median(camelRatios),
                median(secondHalfRatios), secondHalfRatios);
    }

    /** The bare loop against the importer's Camel route alone, {@code runs} times each, alternating: medians. */
    public static String transportFloor(int ids, int runs) throws Exception {
        List<Double> bare = new ArrayList<>();
        List<Double> camel = new ArrayList<>();
        try (Sink sink = Sink.start(0)) {
            for (int run = 0; run < runs; run++) {
                bare.add(bareLoop(sink, ids));
                camel.add(camelRouteLoop(sink, ids));
            }
        }
        return String.format("transport floor, %,d IDs: bare HttpClient loop %,.0f IDs/s, the importer's Camel route "
                + "alone %,.0f IDs/s, ratio %.2f (medians of %d)", ids, median(bare), median(camel),
                median(bare) / median(camel), runs);
    }

    /** {@code requests} full chunks sent with 1 and with {@code maxInFlight} requests in flight, LeadLex taking 100 ms. */
    public static InFlightRatio inFlightRatio(int requests, int maxInFlight) throws Exception {
        try (Sink sink = Sink.start(100)) {
            Path one = Files.createTempDirectory("in-flight-1-");
            Path window = Files.createTempDirectory("in-flight-" + maxInFlight + "-");
            double oneRate = ImporterRun.of(one, writeList(one, requests * CHUNK), sink, "h2", 1).idsPerSecond();
            double windowRate = ImporterRun.of(window, writeList(window, requests * CHUNK), sink, "h2", maxInFlight)
                    .idsPerSecond();
            return new InFlightRatio(requests, maxInFlight, oneRate, windowRate, windowRate / oneRate);
        }
    }

    /** A list of {@code rows} IDs imported at -Xmx256m: completes, how fast, peak heap and RSS. */
    public static BigListRun bigList(long rows, String database, int maxInFlight) throws Exception {
        try (Sink sink = Sink.start(0)) {
            Path work = Files.createTempDirectory("big-list-");
            long started = System.nanoTime();
            ImporterRun run = ImporterRun.of(work, writeList(work, rows), sink, database, maxInFlight);
            return new BigListRun(rows, maxInFlight, run.completed(), run.idsPerSecond(), run.peakHeapMb(), run.peakRssMb(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * {@link BareHttpLoop} sending the list's IDs in a process of its own, started like the importer's
     * (same JVM, {@code -Xmx256m}): the machine's pace for a cold process, as the importer runs.
     */
    static BareRun bareLoopProcess(Sink sink, Path list, Path work) throws IOException, InterruptedException {
        Path out = work.resolve("bare-loop.log");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BareHttpLoop.class.getName(), sink.baseUrl(),
                list.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the bare loop failed; see " + out);
        }
        String[] figures = Files.readString(out).trim().split(" ");
        return new BareRun(Long.parseLong(figures[0]) / Double.parseDouble(figures[1]),
                Long.parseLong(figures[2]) / Double.parseDouble(figures[3]));
    }

    /** The bare loop's rate over the whole list and over its second half. */
    record BareRun(double idsPerSecond, double secondHalfIdsPerSecond) {
    }

    /** The same IDs, 500 a request, sent one after the other with a plain JDK HttpClient, in this JVM (it warms up). */
    static double bareLoop(Sink sink, int ids) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(sink.baseUrl() + "/v1/campaigns/" + CAMPAIGN + "/contacts");
        Random random = new Random(42);
        long started = System.nanoTime();
        for (int sent = 0; sent < ids; sent += CHUNK) {
            StringBuilder body = new StringBuilder("{\"contact_ids\":[");
            for (int i = 0; i < Math.min(CHUNK, ids - sent); i++) {
                body.append(i == 0 ? "\"" : ",\"").append(new UUID(random.nextLong(), random.nextLong())).append('"');
            }
            BareHttpLoop.send(client, uri, body);
        }
        return ids / seconds(System.nanoTime() - started);
    }

    /**
     * The same requests through the importer's own transport (the {@code send-contact-chunk} route and
     * camel-http, warmed up first) and nothing else: the floor of the send phase as designed, since
     * Camel owns the outbound call.
     */
    static double camelRouteLoop(Sink sink, int ids) throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new SendContactChunkRoute(LeadLexProperties.withApiKey("wbk_benchmark")));
            camel.start();
            CamelLeadLexTransport transport = new CamelLeadLexTransport(camel.createProducerTemplate(), camel);
            String url = sink.baseUrl() + "/v1/campaigns/" + CAMPAIGN + "/contacts";
            Map<String, String> headers = Map.of("Authorization", "Bearer wbk_benchmark",
                    "Content-Type", "application/json", "Accept", "application/json");
            Random random = new Random(7);
            long started = 0;
            int warmUp = Math.min(ids / 10, 50_000);
            for (int sent = -warmUp; sent < ids; sent += CHUNK) {
                if (sent >= 0 && started == 0) {
                    started = System.nanoTime();
                }
                StringBuilder body = new StringBuilder("{\"contact_ids\":[");
                for (int i = 0; i < CHUNK; i++) {
                    body.append(i == 0 ? "\"" : ",\"").append(new UUID(random.nextLong(), random.nextLong())).append('"');
                }
                body.append("],\"source\":\"camel-route\"}");
                HttpReply reply = transport.send(new HttpCall(url, headers,
                        body.toString().getBytes(StandardCharsets.UTF_8)));
                if (reply.status() != 200 || !reply.body().contains("\"added\"")) {
                    throw new IllegalStateException("the sink answered " + reply.status() + ": " + reply.body());
                }
            }
            return ids / seconds(System.nanoTime() - started);
        }
    }

    private static Path writeList(Path work, long ids) throws IOException {
        Path list = work.resolve("list.txt");
        Random random = new Random();
        try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.US_ASCII)) {
            for (long i = 0; i < ids; i++) {
                out.write(new UUID(random.nextLong(), random.nextLong()).toString());
                out.write('\n');
            }
        }
        return list;
    }

    /** One importer process's run and what it measured. */
    record ImporterRun(boolean completed, long ids, Duration sendPhase, long peakHeapMb, long peakRssMb,
            double secondHalfIdsPerSecond) {

        double idsPerSecond() {
            return ids / seconds(sendPhase.toNanos());
        }

        static ImporterRun of(Path work, Path list, Sink sink, String database, int maxInFlight) throws Exception {
            return of(work, list, sink, database, maxInFlight, null);
        }

        static ImporterRun of(Path work, Path list, Sink sink, String database, int maxInFlight,
                Integer requestsPerCommit)
                throws Exception {
            List<String> databaseSettings = "postgres".equals(database) ? PostgresTestDatabase.freshSchemaArguments()
                    : List.of();
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-Xlog:gc:file=" + work.resolve("gc.log"),
                    "-cp", System.getProperty("java.class.path"),
                    LeadLexImporterApplication.class.getName(), "import", "--campaign", CAMPAIGN, list.toString(),
                    "--leadlex.base-url=" + sink.baseUrl(),
                    "--leadlex.max-in-flight=" + maxInFlight,
                    "--importer.data-dir=" + work.resolve("data"),
                    "--importer.cli.progress=none"));
            if (requestsPerCommit != null) {
                command.add("--importer.requests-per-commit=" + requestsPerCommit);
            }
            command.addAll(databaseSettings);
            // JVM options go before the class path and the main class
            String extra = System.getProperty("sendphase.importer-args", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(1, Arrays.asList(extra.split("\\s+")));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("importer.log").toFile());
            builder.environment().put("LEADLEX_API_KEY", "wbk_benchmark_send_phase");
            Process process = builder.start();
            Thread killer = new Thread(process::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(killer);
            long peakRss = 0;
            while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peakRss = Math.max(peakRss, peakRssKb(process.pid()));
            }
            Runtime.getRuntime().removeShutdownHook(killer);
            String jdbcUrl = "postgres".equals(database) ? setting(databaseSettings, "spring.datasource.url")
                    : "jdbc:h2:file:" + work.resolve("data").toAbsolutePath() + "/importer";
            String user = "postgres".equals(database) ? PostgresTestDatabase.USER : "sa";
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                    Statement statement = connection.createStatement();
                    ResultSet step = statement.executeQuery("SELECT START_TIME, END_TIME, (SELECT SUM(ID_COUNT) "
                            + "FROM IMPORT_CHUNK WHERE STATUS IN ('sent', 'resent')), STATUS FROM BATCH_STEP_EXECUTION "
                            + "WHERE STEP_NAME = '" + ImportJobParameters.STEP_NAME + "'")) {
                if (!step.next() || process.exitValue() != 0) {
                    throw new IllegalStateException("the import did not run (exit " + process.exitValue() + "); see "
                            + work.resolve("importer.log"));
                }
                LocalDateTime start = step.getTimestamp(1).toLocalDateTime();
                LocalDateTime end = step.getTimestamp(2).toLocalDateTime();
                long ids = step.getLong(3);
                return new ImporterRun("COMPLETED".equals(step.getString(4)), ids,
                        Duration.between(start, end), peakHeapMb(work.resolve("gc.log")), peakRss / 1024,
                        secondHalfRate(statement, ids));
            }
        }

        /**
         * IDs per second from the chunk that completed the first half of the IDs to the last chunk, by the
         * ledger's booking times: the send phase once the process is warm (a commit window's chunks share
         * one booking time, which blurs only the window at the half).
         */
        private static double secondHalfRate(Statement statement, long ids) throws java.sql.SQLException {
            List<long[]> booked = new ArrayList<>();
            try (ResultSet chunks = statement.executeQuery("SELECT ID_COUNT, FINISHED_AT FROM IMPORT_CHUNK "
                    + "WHERE STATUS IN ('sent', 'resent') ORDER BY FINISHED_AT, CHUNK_NUMBER")) {
                while (chunks.next()) {
                    java.time.Instant at = chunks.getTimestamp(2).toInstant();
                    booked.add(new long[] { chunks.getLong(1), at.getEpochSecond() * 1_000_000_000L + at.getNano() });
                }
            }
            long sent = 0;
            int half = 0;
            while (half < booked.size() - 1 && (sent += booked.get(half)[0]) < ids / 2) {
                half++;
            }
            long secondHalfIds = ids - sent;
            long nanos = booked.get(booked.size() - 1)[1] - booked.get(half)[1];
            return nanos <= 0 ? Double.NaN : secondHalfIds / seconds(nanos);
        }

        private static String setting(List<String> settings, String name) {
            return settings.stream().filter(s -> s.startsWith("--" + name + "=")).findFirst().orElseThrow()
                    .substring(name.length() + 3);
        }

        private static long peakRssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between two looks: its last reading stands
            }
            return 0;
        }

        /** The most heap in use before any collection, as the GC log says. */
        private static long peakHeapMb(Path gcLog) throws IOException {
            long peak = 0;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_BEFORE.matcher(line);
                if (matcher.find()) {
                    peak = Math.max(peak, Long.parseLong(matcher.group(1)));
                }
            }
            return peak;
        }
    }

    /** The sink in a process of its own. */
    record Sink(Process process, int port) implements AutoCloseable {

        static Sink start(long delayMillis) throws IOException {
            Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    // without it the JDK server's answers wait out the client's delayed ACK: 40 ms a request
                    "-Xmx128m", "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                    AddContactsSink.class.getName(),
                    Long.toString(delayMillis)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            if (line == null || !line.startsWith("listening on ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the sink did not start: " + line);
            }
            return new Sink(process, Integer.parseInt(line.substring("listening on ".length()).trim()));
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
    }

    static {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
