package com.leadlex.importer.staging.dedupe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds repeats one partition at a time, so memory is bounded by the partition, not the list.
 * Each partition's spill is read in source order: the first occurrence of an ID is kept, later
 * ones are marked as duplicates of its line. The output per partition is a run file of records
 * {@code sequence, line, msb, lsb, firstLine} (firstLine 0 for a kept ID), still in source order,
 * ready for {@link SpoolMerger}. Partitions are visited in ascending ID range and each one's IDs
 * are hashed sorted, which feeds the {@link SortedIdConsumer} (the content hash) the whole set sorted. A partition with more
 * than {@code maxRecordsInMemory} records is first split into smaller ranges
 * ({@link PartitionSplitter}).
 */
public final class PartitionedDeduplicator {

    public static final int RUN_RECORD_LONGS = 5;
    /** About 50 MB of hash table at most: 2^21 slots of 24 bytes. */
    public static final long DEFAULT_MAX_RECORDS_IN_MEMORY = 1 << 20;
    private static final int BUFFER_BYTES = 64 * 1024;

    /** The run files and what deduplication found. */
    public record Result(List<Path> runs, long unique, long duplicates) {
    }

    private final long maxRecordsInMemory;
    private final FirstOccurrenceTable table = new FirstOccurrenceTable();
    private final SortedIdConsumer sortedIds;
    private final List<Path> runs = new ArrayList<>();
    private long unique;
    private long duplicates;

    /** @param sortedIds receives every unique ID once, in ascending order */
    public PartitionedDeduplicator(long maxRecordsInMemory, SortedIdConsumer sortedIds) {
        this.maxRecordsInMemory = maxRecordsInMemory;
        this.sortedIds = sortedIds;
    }

    /** Deduplicates every partition of {@code spill}; use one instance per list. */
    public Result deduplicate(PartitionSpillWriter spill, Path directory) {
        PartitionSplitter splitter = new PartitionSplitter(directory);
        for (int p = 0; p < spill.files().size(); p++) {
            if (spill.count(p) > 0) {
                deduplicate(spill.files().get(p), spill.count(p), splitter, directory);
            }
        }
        return new Result(List.copyOf(runs), unique, duplicates);
    }

    private void deduplicate(Path partition, long count, PartitionSplitter splitter, Path directory) {
        if (count > maxRecordsInMemory) {
            List<PartitionSplitter.Piece> pieces = splitter.split(partition);
            if (!pieces.isEmpty()) {
                delete(partition);
                for (PartitionSplitter.Piece piece : pieces) {
                    deduplicate(piece.file(), piece.count(), splitter, directory);
                }
                return;
            }
        }
        Path run = directory.resolve("run-%06d.bin".formatted(runs.size()));
        table.reset(count);
        try (LongRecordReader in = new LongRecordReader(partition, BUFFER_BYTES);
                LongRecordWriter out = new LongRecordWriter(run, BUFFER_BYTES)) {
            while (in.hasNext()) {
                long sequence = in.next();
                long line = in.next();
                long msb = in.next();
                long lsb = in.next();
                long firstLine = table.firstLineOrAdd(msb, lsb, line);
                out.write(sequence);
                out.write(line);
                out.write(msb);
                out.write(lsb);
                out.write(firstLine);
                if (firstLine != 0) {
                    duplicates++;
                }
            }
        }
        unique += table.size();
        table.drainSorted(sortedIds);
        delete(partition);
        runs.add(run);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete staging file " + file, e);
        }
    }
}
