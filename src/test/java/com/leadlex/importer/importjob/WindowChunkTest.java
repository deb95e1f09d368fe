package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** A window is cut at the ledger's chunk boundaries, by spool line, wherever it starts. */
class WindowChunkTest {

    @Test
    void aWindowOfFourChunksIsCutIntoTheLedgersChunksByLine() {
        List<WindowChunk> chunks = WindowChunk.split(entries(11, 48), 10);

        assertThat(chunks).extracting(WindowChunk::chunkNumber).containsExactly(2, 3, 4, 5);
        assertThat(chunks).extracting(WindowChunk::firstLine).containsExactly(11L, 21L, 31L, 41L);
        assertThat(chunks).extracting(WindowChunk::lastLine).containsExactly(20L, 30L, 40L, 48L);
        assertThat(chunks.get(3).ids()).containsExactly("id-41", "id-42", "id-43", "id-44", "id-45", "id-46",
                "id-47", "id-48");
    }

    @Test
    void aWindowReadFromTheMiddleOfAChunkKeepsThatChunksNumber() {
        // a reader position left by a smaller chunk size before: the chunk numbers stay those of the lines
        assertThat(WindowChunk.split(entries(6, 25), 10)).extracting(WindowChunk::chunkNumber)
                .containsExactly(1, 2, 3);
    }

    private static List<SpoolEntry> entries(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(line -> new SpoolEntry(line, "id-" + line)).toList();
    }
}
