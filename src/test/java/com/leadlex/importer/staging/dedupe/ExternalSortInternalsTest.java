package com.leadlex.importer.staging.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The external sort's pieces, whose correctness the staging tests exercise only indirectly. */
class ExternalSortInternalsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 24, 25, 1000, 100_000})
    void sortsLikeTheTextOfTheIds(int size) {
        Random random = new Random(size);
        long[] msbs = new long[size];
        long[] lsbs = new long[size];
        for (int i = 0; i < size; i++) {
            msbs[i] = i % 3 == 0 ? Long.MIN_VALUE + random.nextInt(4) : random.nextLong();
            lsbs[i] = random.nextLong();
        }
        String[] expected = new String[size];
        for (int i = 0; i < size; i++) {
            expected[i] = new UUID(msbs[i], lsbs[i]).toString();
        }
        Arrays.sort(expected, Comparator.naturalOrder());

        UuidSorter.sort(msbs, lsbs, size);

        for (int i = 0; i < size; i++) {
            assertThat(new UUID(msbs[i], lsbs[i])).hasToString(expected[i]);
        }
    }

    @Test
    void partitionsAreAscendingRangesOfTheId() {
        int partitions = 7;
        long[] samples = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0x4000_0000_0000_0000L, 0xC000_0000_0000_0000L};
        Arrays.sort(samples);
        long[] unsigned = Arrays.stream(samples).boxed()
                .sorted((a, b) -> Long.compareUnsigned(a, b)).mapToLong(Long::longValue).toArray();
        int previous = 0;
        for (long msb : unsigned) {
            int p = PartitionSpillWriter.partitionOf(msb, partitions);
            assertThat(p).isBetween(previous, partitions - 1);
            previous = p;
        }
        assertThat(PartitionSpillWriter.partitionOf(0L, partitions)).isZero();
        assertThat(PartitionSpillWriter.partitionOf(-1L, partitions)).isEqualTo(partitions - 1);
    }

    @Test
    void firstOccurrenceTableGrowsBeyondItsPresize() {
        FirstOccurrenceTable table = new FirstOccurrenceTable();
        table.reset(1);
        for (int i = 1; i <= 10_000; i++) {
            assertThat(table.firstLineOrAdd(i, -i, i)).isZero();
        }
        assertThat(table.firstLineOrAdd(77, -77, 20_000)).isEqualTo(77);
        assertThat(table.size()).isEqualTo(10_000);
    }
}
