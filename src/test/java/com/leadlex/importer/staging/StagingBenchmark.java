package com.leadlex.importer.staging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures staging throughput and heap on a generated CSV (not a test: Surefire does not pick it
 * up). N rows ({@code contact_id,email}), about 1% invalid and 1% repeats, some upper-case.
 * Run from the project directory:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; java -Xmx256m -cp target/classes:target/test-classes:$(cat target/cp.txt) com.leadlex.importer.staging.StagingBenchmark 10000000
 * </pre>
 *
 * Arguments: rows (default 1,000,000), partitions (default 64).
 */
public final class StagingBenchmark {

    private StagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path directory = Files.createTempDirectory("staging-benchmark-");
        try {
            Path list = directory.resolve("contacts.csv");
            generate(list, rows);
            System.out.printf("generated %,d rows (%,d MB) in %s%n", rows, Files.size(list) >> 20, list);
            System.gc();
            resetPeaks();
            AtomicLong sampledPeak = new AtomicLong();
            ScheduledExecutorService sampler = startSampler(sampledPeak);
            ContactListStager stager = new ContactListStager(new StagingProperties(null, partitions));
            long started = System.nanoTime();
            StagedList staged;
            try (InputStream in = Files.newInputStream(list)) {
                staged = stager.stage(in, list.getFileName().toString(), directory.resolve("staged"));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.shutdownNow();
            System.out.printf("staged %,d rows in %.2f s = %,.0f rows/s (partitions %d)%n",
                    staged.rowsRead(), seconds, staged.rowsRead() / seconds, partitions);
            System.out.printf("valid unique %,d, invalid %,d, duplicates %,d, hash %s%n",
                    staged.validUnique(), staged.invalid(), staged.duplicates(), staged.contentHash());
            System.out.printf("heap: max %d MB, peak used sampled every 2 ms %d MB, sum of pool peaks %d MB%n",
                    Runtime.getRuntime().maxMemory() >> 20, sampledPeak.get() >> 20, poolPeaks() >> 20);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    static void generate(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] recent = new String[4096];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("contact_id,email\n");
            for (long i = 0; i < rows; i++) {
                int dice = random.nextInt(100);
                String id;
                if (dice == 0) {
                    id = "not-a-uuid-" + i;
                } else if (dice == 1 && i > recent.length) {
                    id = recent[random.nextInt(recent.length)];
                } else {
                    id = new ContactId(random.nextLong() & ~0xF000L | 0x4000L,
                            random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
                    recent[(int) (i % recent.length)] = id;
                    if (dice == 2) {
                        id = id.toUpperCase();
                    }
                }
                out.write(id);
                out.write(",contact");
                out.write(Long.toString(i));
                out.write("@example.com\n");
            }
        }
    }

    static ScheduledExecutorService startSampler(AtomicLong peak) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        Runtime runtime = Runtime.getRuntime();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max),
                0, 2, TimeUnit.MILLISECONDS);
        return sampler;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }
}
