package com.leadlex.importer.staging.dedupe;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spreads valid IDs over P binary spill files so each can later be deduplicated in memory on its
 * own. Partition p holds the IDs whose first 64 bits, read as an unsigned number, fall in the p-th
 * of P equal ranges: concatenating the partitions, each sorted, therefore sorts the whole set,
 * which is what makes the content hash independent of P. A record is four longs:
 * {@code sequence, line, msb, lsb}, where the sequence numbers valid rows in source order.
 */
public final class PartitionSpillWriter implements Closeable {

    static final int RECORD_LONGS = 4;
    private static final int BUFFER_BYTES = 32 * 1024;

    private final List<Path> files = new ArrayList<>();
    private final LongRecordWriter[] writers;
    private final long[] counts;
    private long sequence;

    public PartitionSpillWriter(Path directory, int partitions) {
        this.writers = new LongRecordWriter[partitions];
        this.counts = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            Path file = directory.resolve("partition-%04d.bin".formatted(p));
            files.add(file);
            writers[p] = new LongRecordWriter(file, BUFFER_BYTES);
        }
    }

    /** Partition of an ID: its range of {@code msb} as unsigned, i.e. the high 64 bits of msb x P. */
    static int partitionOf(long msb, int partitions) {
        return (int) (Math.multiplyHigh(msb, partitions) + ((msb >> 63) & partitions));
    }

    public void write(long line, long msb, long lsb) {
        int p = partitionOf(msb, writers.length);
        LongRecordWriter writer = writers[p];
        writer.write(sequence++);
        writer.write(line);
        writer.write(msb);
        writer.write(lsb);
        counts[p]++;
    }

    public List<Path> files() {
        return files;
    }

    public long count(int partition) {
        return counts[partition];
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (LongRecordWriter writer : writers) {
            try {
                writer.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
