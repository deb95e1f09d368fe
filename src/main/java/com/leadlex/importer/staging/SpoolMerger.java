package com.leadlex.importer.staging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.leadlex.importer.staging.dedupe.LongRecordReader;
import com.leadlex.importer.staging.dedupe.PartitionedDeduplicator;

/**
 * Merges the per-partition run files back into source order (a k-way merge on the sequence
 * number, with a binary heap of one head per run), sending kept IDs to the spool and repeats to
 * the duplicates file. Memory: one buffer (16 MB shared at most) and one record per run.
 */
final class SpoolMerger {

    private static final int MAX_BUFFER_BYTES = 64 * 1024;
    private static final int MIN_BUFFER_BYTES = 4 * 1024;
    private static final int TOTAL_BUFFER_BYTES = 16 * 1024 * 1024;
    private static final int WIDTH = PartitionedDeduplicator.RUN_RECORD_LONGS;

    void merge(List<Path> runs, SpoolWriter spool, DuplicatesCsvWriter duplicates) {
        List<LongRecordReader> readers = new ArrayList<>();
        try {
            int bufferBytes = Math.max(MIN_BUFFER_BYTES, Math.min(MAX_BUFFER_BYTES, TOTAL_BUFFER_BYTES / Math.max(1, runs.size())));
            for (Path run : runs) {
                readers.add(new LongRecordReader(run, bufferBytes));
            }
            long[][] heads = new long[readers.size()][WIDTH];
            int[] heap = new int[readers.size()];
            int size = 0;
            for (int r = 0; r < readers.size(); r++) {
                if (advance(readers.get(r), heads[r])) {
                    heap[size++] = r;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                siftDown(heap, size, i, heads);
            }
            while (size > 0) {
                int r = heap[0];
                long[] record = heads[r];
                if (record[4] == 0) {
                    spool.write(record[2], record[3], record[1]);
                } else {
                    duplicates.write(record[1], record[2], record[3], record[4]);
                }
                if (!advance(readers.get(r), record)) {
                    heap[0] = heap[--size];
                }
                siftDown(heap, size, 0, heads);
            }
        } finally {
            readers.forEach(LongRecordReader::close);
        }
    }

    private static boolean advance(LongRecordReader reader, long[] record) {
        if (!reader.hasNext()) {
            return false;
        }
        for (int i = 0; i < WIDTH; i++) {
            record[i] = reader.next();
        }
        return true;
    }

    private static void siftDown(int[] heap, int size, int i, long[][] heads) {
        while (true) {
            int smallest = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && heads[heap[left]][0] < heads[heap[smallest]][0]) {
                smallest = left;
            }
            if (right < size && heads[heap[right]][0] < heads[heap[smallest]][0]) {
                smallest = right;
            }
            if (smallest == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = t;
            i = smallest;
        }
    }
}
