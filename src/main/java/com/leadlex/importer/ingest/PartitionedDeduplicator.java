package com.leadlex.importer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds repeats one partition at a time, so memory is bounded by the largest partition rather
 * than the list. Each partition's spill is read in source order: the first occurrence of an ID
 * is kept, later ones are marked as duplicates of its line. The output per partition is a run
 * file of records {@code sequence, line, msb, lsb, firstLine} (firstLine 0 for a kept ID), still
 * in source order, ready for {@link SpoolMerger}. Partitions are visited in ascending ID range
 * and each partition's IDs are hashed sorted, which feeds {@link ContentHasher} the sorted set.
 */
final class PartitionedDeduplicator {

    static final int RUN_RECORD_LONGS = 5;
    private static final int BUFFER_BYTES = 64 * 1024;

    /** The run files and what deduplication found. */
    record Result(List<Path> runs, long unique, long duplicates, String contentHash) {
    }

    Result deduplicate(PartitionSpillWriter spill, Path directory) {
        FirstOccurrenceTable table = new FirstOccurrenceTable();
        ContentHasher hasher = new ContentHasher();
        List<Path> runs = new ArrayList<>();
        long unique = 0;
        long duplicates = 0;
        for (int p = 0; p < spill.files().size(); p++) {
            if (spill.count(p) == 0) {
                continue;
            }
            Path partition = spill.files().get(p);
            Path run = directory.resolve("run-%04d.bin".formatted(p));
            table.reset(spill.count(p));
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
            table.drainSorted(hasher);
            delete(partition);
            runs.add(run);
        }
        return new Result(runs, unique, duplicates, hasher.hex());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete staging file " + file, e);
        }
    }
}
