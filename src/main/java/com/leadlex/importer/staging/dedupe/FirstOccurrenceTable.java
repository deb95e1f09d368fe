package com.leadlex.importer.staging.dedupe;

import java.util.Arrays;

/**
 * An open-addressing hash set of IDs (two longs each) remembering the line of each ID's first
 * occurrence, for one partition at a time. Primitive arrays only: about 24 bytes per slot, half
 * the slots in use, no object per ID. Reused from partition to partition.
 */
final class FirstOccurrenceTable {

    private static final int MIN_CAPACITY = 1 << 10;
    private static final int MAX_PRESIZE = 1 << 22;

    private long[] msbs = new long[0];
    private long[] lsbs = new long[0];
    private long[] lines = new long[0];
    private int mask;
    private int size;

    /** Empties the table and sizes it for about {@code expected} IDs (it grows beyond if needed). */
    void reset(long expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < MAX_PRESIZE && capacity < expected * 2) {
            capacity <<= 1;
        }
        if (capacity == lines.length) {
            Arrays.fill(lines, 0L);
        } else {
            allocate(capacity);
        }
        size = 0;
    }

    /** The line where the ID first occurred; or 0 when this is its first occurrence, now remembered. */
    long firstLineOrAdd(long msb, long lsb, long line) {
        int slot = slot(msb, lsb);
        while (lines[slot] != 0) {
            if (msbs[slot] == msb && lsbs[slot] == lsb) {
                return lines[slot];
            }
            slot = (slot + 1) & mask;
        }
        msbs[slot] = msb;
        lsbs[slot] = lsb;
        lines[slot] = line;
        if (++size > lines.length / 2) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    /** Feeds every ID in ascending unsigned order to {@code consumer}; the table must be reset after. */
    void drainSorted(SortedIdConsumer consumer) {
        int n = 0;
        for (int slot = 0; slot < lines.length; slot++) {
            if (lines[slot] != 0) {
                msbs[n] = msbs[slot];
                lsbs[n] = lsbs[slot];
                n++;
            }
        }
        UuidSorter.sort(msbs, lsbs, n);
        for (int i = 0; i < n; i++) {
            consumer.accept(msbs[i], lsbs[i]);
        }
        Arrays.fill(lines, 0L);
        size = 0;
    }

    private int slot(long msb, long lsb) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h & mask;
    }

    private void allocate(int capacity) {
        msbs = new long[capacity];
        lsbs = new long[capacity];
        lines = new long[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldMsbs = msbs;
        long[] oldLsbs = lsbs;
        long[] oldLines = lines;
        allocate(oldLines.length * 2);
        for (int i = 0; i < oldLines.length; i++) {
            if (oldLines[i] != 0) {
                int slot = slot(oldMsbs[i], oldLsbs[i]);
                while (lines[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                msbs[slot] = oldMsbs[i];
                lsbs[slot] = oldLsbs[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
