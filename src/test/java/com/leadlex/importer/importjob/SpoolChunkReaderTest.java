package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ReaderNotOpenException;

/** The spool is read a ledger chunk an item, and a restart goes on at the line the saved position names. */
class SpoolChunkReaderTest {

    @TempDir
    Path folder;

    @Test
    void eachItemIsOneChunksLinesNumberedBySpoolLine() throws IOException {
        SpoolChunkReader reader = new SpoolChunkReader(spool(48), 10);
        reader.open(new ExecutionContext());

        List<WindowChunk> chunks = readAll(reader);

        assertThat(chunks).extracting(WindowChunk::chunkNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(chunks).extracting(WindowChunk::firstLine).containsExactly(1L, 11L, 21L, 31L, 41L);
        assertThat(chunks).extracting(WindowChunk::lastLine).containsExactly(10L, 20L, 30L, 40L, 48L);
        assertThat(chunks.get(4).ids()).containsExactly("id-41", "id-42", "id-43", "id-44", "id-45", "id-46",
                "id-47", "id-48");
    }

    @Test
    void theSavedPositionIsTheLinesReadSoARestartResumesAtTheNextChunk() throws IOException {
        Path spool = spool(35);
        SpoolChunkReader first = new SpoolChunkReader(spool, 10);
        ExecutionContext saved = new ExecutionContext();
        first.open(saved);
        first.read();
        first.read();
        first.update(saved);
        first.close();

        // an int, as the ID-an-item reader of earlier versions saved and reads it back
        assertThat(saved.get(SpoolChunkReader.LINES_READ)).isEqualTo(20);
        SpoolChunkReader restarted = new SpoolChunkReader(spool, 10);
        restarted.open(saved);
        assertThat(readAll(restarted)).extracting(WindowChunk::chunkNumber).containsExactly(3, 4);
    }

    @Test
    void aPositionSavedByTheIdAnItemReaderOfEarlierVersionsResumesAtThatLine() throws IOException {
        // FlatFileItemReader named spoolReader saved its items read, one a line, as an int under this key
        ExecutionContext savedByEarlierVersion = new ExecutionContext();
        savedByEarlierVersion.putInt("spoolReader.read.count", 1000);
        SpoolChunkReader reader = new SpoolChunkReader(spool(1200), 500);
        reader.open(savedByEarlierVersion);

        WindowChunk next = reader.read();

        assertThat(next.chunkNumber()).isEqualTo(3);
        assertThat(next.firstLine()).isEqualTo(1001);
        assertThat(next.ids()).hasSize(200).startsWith("id-1001");
    }

    @Test
    void aPositionInsideAChunkIsReadToThatChunksEndFirstKeepingItsNumber() throws IOException {
        // only an edited execution context holds one: the chunk numbers stay those of the lines
        ExecutionContext saved = new ExecutionContext();
        saved.putLong(SpoolChunkReader.LINES_READ, 5);
        SpoolChunkReader reader = new SpoolChunkReader(spool(25), 10);
        reader.open(saved);

        List<WindowChunk> chunks = readAll(reader);

        assertThat(chunks).extracting(WindowChunk::chunkNumber).containsExactly(1, 2, 3);
        assertThat(chunks.get(0).firstLine()).isEqualTo(6);
        assertThat(chunks.get(0).ids()).containsExactly("id-6", "id-7", "id-8", "id-9", "id-10");
    }

    @Test
    void anEmptySpoolHasNoItems() throws IOException {
        SpoolChunkReader reader = new SpoolChunkReader(spool(0), 500);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isNull();
    }

    @Test
    void aSpoolShorterThanTheSavedPositionIsRefusedRatherThanResumedElsewhere() throws IOException {
        ExecutionContext saved = new ExecutionContext();
        saved.putLong(SpoolChunkReader.LINES_READ, 1500);
        SpoolChunkReader reader = new SpoolChunkReader(spool(1000), 500);

        assertThatThrownBy(() -> reader.open(saved)).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("has 1000 lines").hasMessageContaining("line 1500");
    }

    @Test
    void aMissingSpoolIsNamedWhenTheStepOpensIt() {
        SpoolChunkReader reader = new SpoolChunkReader(folder.resolve("gone.txt"), 500);

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("gone.txt");
    }

    @Test
    void readingBeforeOpeningIsAnError() throws IOException {
        SpoolChunkReader reader = new SpoolChunkReader(spool(3), 500);

        assertThatThrownBy(reader::read).isInstanceOf(ReaderNotOpenException.class);
    }

    private Path spool(long lines) throws IOException {
        Path spool = folder.resolve("spool-" + lines + ".txt");
        String text = LongStream.rangeClosed(1, lines).mapToObj(line -> "id-" + line + "\n")
                .collect(Collectors.joining());
        return Files.writeString(spool, text);
    }

    private static List<WindowChunk> readAll(SpoolChunkReader reader) {
        List<WindowChunk> chunks = new ArrayList<>();
        for (WindowChunk chunk = reader.read(); chunk != null; chunk = reader.read()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
