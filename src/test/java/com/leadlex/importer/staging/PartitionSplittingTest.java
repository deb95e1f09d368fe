package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.staging.dedupe.PartitionSpillWriter;
import com.leadlex.importer.staging.dedupe.PartitionedDeduplicator;

/**
 * A partition too big for memory is split into ID ranges; the outputs must be exactly those of
 * deduplicating it whole, even for IDs that cluster (same high bits) or repeat massively.
 */
class PartitionSplittingTest {

    @TempDir
    Path dir;

    @Test
    void splittingChangesNothingButMemory() throws Exception {
        Random random = new Random(5);
        long[][] ids = new long[30_000][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = switch (i % 4) {
                case 0 -> new long[] {random.nextLong(), random.nextLong()};
                case 1 -> new long[] {0x0190_0000_0000_7000L | random.nextInt(64), random.nextLong()};
                case 2 -> new long[] {0x0190_0000_0000_7000L, random.nextInt(1000)};
                default -> new long[] {42L, 42L};
            };
        }

        Staged whole = run("whole", ids, Long.MAX_VALUE);
        Staged split = run("split", ids, 100);

        assertThat(split.contentHash).isEqualTo(whole.contentHash);
        assertThat(split.result.unique()).isEqualTo(whole.result.unique());
        assertThat(split.result.duplicates()).isEqualTo(whole.result.duplicates());
        assertThat(split.result.runs().size()).isGreaterThan(whole.result.runs().size());
        assertThat(lines(split.spool)).isEqualTo(lines(whole.spool));
        assertThat(lines(split.spoolLines)).isEqualTo(lines(whole.spoolLines));
        assertThat(lines(split.duplicates)).isEqualTo(lines(whole.duplicates));
        assertThat(lines(whole.duplicates)).hasSizeGreaterThan(7_500);
    }

    private record Staged(PartitionedDeduplicator.Result result, String contentHash, Path spool, Path spoolLines,
            Path duplicates) {
    }

    private Staged run(String name, long[][] ids, long maxRecordsInMemory) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        PartitionSpillWriter spill = new PartitionSpillWriter(work, 1);
        try (spill) {
            for (int i = 0; i < ids.length; i++) {
                spill.write(i + 1, ids[i][0], ids[i][1]);
            }
        }
        ContentHasher hasher = new ContentHasher();
        PartitionedDeduplicator.Result result = new PartitionedDeduplicator(maxRecordsInMemory, hasher)
                .deduplicate(spill, work);
        Staged staged = new Staged(result, hasher.hex(), work.resolve("spool.txt"), work.resolve("spool.lines"),
                work.resolve("duplicates.csv"));
        try (SpoolWriter spool = new SpoolWriter(staged.spool, staged.spoolLines);
                DuplicatesCsvWriter duplicates = new DuplicatesCsvWriter(staged.duplicates)) {
            new SpoolMerger().merge(result.runs(), spool, duplicates);
        }
        return staged;
    }
}
