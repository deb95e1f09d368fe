package com.leadlex.importer.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.PostgresTestDatabase;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Measures what accepting a list costs now that it is stored in the database before intake answers:
 * staging a generated CSV (as {@link StagingBenchmark}) and storing the staged files in IMPORT_FILE_PART
 * ({@link StoredImportFiles}), on an H2 file database (as the default settings open it) and on the
 * machine's PostgreSQL (a schema of its own, dropped afterwards). Prints each run's times, the bytes
 * staged and stored, the heap's peak, and the medians. Not a test: Surefire does not pick it up. Run
 * from the project directory:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) com.leadlex.importer.staging.StagedListStorageBenchmark 1000000 3 h2,postgres
 * </pre>
 *
 * Arguments: rows (default 1,000,000), runs per database (default 3), databases (default h2,postgres).
 */
public final class StagedListStorageBenchmark {

    private StagedListStorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> databases = List.of((args.length > 2 ? args[2] : "h2,postgres").split(","));
        Path directory = Files.createTempDirectory("storage-benchmark-");
        try {
            Path list = directory.resolve("contacts.csv");
            StagingBenchmark.generate(list, rows);
            System.out.printf("generated %,d rows (%,d MB) in %s%n", rows, Files.size(list) >> 20, list);
            for (String database : databases) {
                try (Database db = Database.open(database.strip(), directory)) {
                    measure(db, list, runs, directory);
                }
            }
        } finally {
            deleteTree(directory);
        }
    }

    private static void measure(Database db, Path list, int runs, Path directory) throws IOException {
        StoredImportFiles stored = db.storedFiles();
        ContactListStager stager = new ContactListStager(StagingProperties.defaults());
        List<Double> totals = new ArrayList<>();
        List<Double> stores = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            Path staging = directory.resolve(name);
            System.gc();
            StagingBenchmark.resetPeaks();
            AtomicLong sampledPeak = new AtomicLong();
            ScheduledExecutorService sampler = StagingBenchmark.startSampler(sampledPeak);
            long started = System.nanoTime();
            StagedList staged;
            try (InputStream in = Files.newInputStream(list)) {
                staged = stager.stage(in, list.getFileName().toString(), staging);
            }
            long stagedAt = System.nanoTime();
            stored.store(name, new ImportFiles(staging), ImportFiles.STAGED);
            long storedAt = System.nanoTime();
            sampler.shutdownNow();
            long raw = 0;
            for (String file : ImportFiles.STAGED) {
                raw += Files.size(staging.resolve(file));
            }
            double stageSeconds = (stagedAt - started) / 1e9;
            double storeSeconds = (storedAt - stagedAt) / 1e9;
            totals.add(stageSeconds + storeSeconds);
            stores.add(storeSeconds);
            System.out.printf("%s run %d: %,d valid unique IDs staged in %.2f s, stored in %.2f s, total %.2f s; "
                    + "%,d bytes staged, %,d bytes stored (%.0f%%); heap peak %d MB (max %d MB)%n", db.name(), run,
                    staged.validUnique(), stageSeconds, storeSeconds, stageSeconds + storeSeconds, raw,
                    stored.storedBytes(name), 100.0 * stored.storedBytes(name) / raw,
                    Math.max(sampledPeak.get(), StagingBenchmark.poolPeaks()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            stored.removeAll(name);
            deleteTree(staging);
        }
        System.out.printf("%s median of %d runs: accepted (staged + stored) in %.2f s, of which storing %.2f s%n",
                db.name(), runs, median(totals), median(stores));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A database migrated by the application's Flyway scripts, with the store on it. */
    private record Database(String name, HikariDataSource dataSource, String schemaToDrop) implements AutoCloseable {

        static Database open(String kind, Path directory) throws SQLException {
            HikariDataSource dataSource = new HikariDataSource();
            String schema = null;
            if (kind.equals("postgres")) {
                schema = "storage_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.URL,
                        PostgresTestDatabase.USER, ""); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                }
                String separator = PostgresTestDatabase.URL.contains("?") ? "&" : "?";
                dataSource.setJdbcUrl(PostgresTestDatabase.URL + separator + "currentSchema=" + schema);
                dataSource.setUsername(PostgresTestDatabase.USER);
            } else if (kind.equals("h2")) {
                // as application.yml opens it: a file, every commit written before it returns
                dataSource.setJdbcUrl("jdbc:h2:file:" + directory.resolve("h2").resolve("importer")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
                dataSource.setUsername("sa");
            } else {
                throw new IllegalArgumentException("Unknown database " + kind + ": h2 or postgres");
            }
            Flyway.configure().dataSource(dataSource).schemas(schema == null ? new String[0] : new String[] {schema})
                    .table("importer_schema_history").load().migrate();
            return new Database(kind.equals("h2") ? "H2" : "PostgreSQL", dataSource, schema);
        }

        StoredImportFiles storedFiles() {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            return new StoredImportFiles(jdbc, new IndependentWrites(jdbc, transactions, Clock.systemUTC()));
        }

        @Override
        public void close() throws SQLException {
            dataSource.close();
            if (schemaToDrop != null) {
                try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.URL,
                        PostgresTestDatabase.USER, ""); Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA " + schemaToDrop + " CASCADE");
                }
            }
        }
    }
}
