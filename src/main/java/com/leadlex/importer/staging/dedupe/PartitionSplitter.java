package com.leadlex.importer.staging.dedupe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a spill file that is too big to deduplicate in memory into smaller files of ascending ID
 * ranges, so memory stays bounded however large the list or however clustered its IDs (time-based
 * UUIDs, one vendor prefix). The split keeps the sorted order of partitions that
 * content hash relies on: ranges of {@code msb} while they differ, then of {@code lsb}.
 */
final class PartitionSplitter {

    static final int FAN_OUT = 16;
    private static final int BUFFER_BYTES = 32 * 1024;

    /** One piece of a split, in ascending ID order among its siblings. */
    record Piece(Path file, long count) {
    }

    private final Path directory;
    private int names;

    PartitionSplitter(Path directory) {
        this.directory = directory;
    }

    /** The pieces of {@code file} in ascending ID order, or none when all its records hold one ID. */
    List<Piece> split(Path file) {
        long[] range = range(file);
        boolean byMsb = range[0] != range[1];
        long low = byMsb ? range[0] : range[2];
        long span = byMsb ? range[1] - range[0] : range[3] - range[2];
        if (span == 0) {
            return List.of();
        }
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(span) - 52);
        long scaledSpan = span >>> shift;
        LongRecordWriter[] writers = new LongRecordWriter[FAN_OUT];
        Path[] files = new Path[FAN_OUT];
        long[] counts = new long[FAN_OUT];
        for (int i = 0; i < FAN_OUT; i++) {
            files[i] = directory.resolve("split-%06d.bin".formatted(names++));
            writers[i] = new LongRecordWriter(files[i], BUFFER_BYTES);
        }
        try (LongRecordReader in = new LongRecordReader(file, BUFFER_BYTES)) {
            while (in.hasNext()) {
                long sequence = in.next();
                long line = in.next();
                long msb = in.next();
                long lsb = in.next();
                long key = (byMsb ? msb : lsb) - low;
                int piece = (int) ((key >>> shift) * FAN_OUT / (scaledSpan + 1));
                writers[piece].write(sequence);
                writers[piece].write(line);
                writers[piece].write(msb);
                writers[piece].write(lsb);
                counts[piece]++;
            }
        } finally {
            for (LongRecordWriter writer : writers) {
                writer.close();
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < FAN_OUT; i++) {
            if (counts[i] > 0) {
                pieces.add(new Piece(files[i], counts[i]));
            }
        }
        return pieces;
    }

    /** Unsigned minimum and maximum of msb and of lsb (lsb ranges are used only when msb is constant). */
    private static long[] range(Path file) {
        long minMsb = -1;
        long maxMsb = 0;
        long minLsb = -1;
        long maxLsb = 0;
        try (LongRecordReader in = new LongRecordReader(file, BUFFER_BYTES)) {
            while (in.hasNext()) {
                in.next();
                in.next();
                long msb = in.next();
                long lsb = in.next();
                minMsb = Long.compareUnsigned(msb, minMsb) < 0 ? msb : minMsb;
                maxMsb = Long.compareUnsigned(msb, maxMsb) > 0 ? msb : maxMsb;
                minLsb = Long.compareUnsigned(lsb, minLsb) < 0 ? lsb : minLsb;
                maxLsb = Long.compareUnsigned(lsb, maxLsb) > 0 ? lsb : maxLsb;
            }
        }
        return new long[] {minMsb, maxMsb, minLsb, maxLsb};
    }
}
