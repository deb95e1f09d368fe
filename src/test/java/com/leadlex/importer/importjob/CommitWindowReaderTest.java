package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.leadlex.importer.leadlex.LeadLexPlan;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.system.ImporterProperties;

/**
 * An item is a commit window of ledger chunks, as many as the window holds at the pace the time between
 * two reads shows; the position saved is its end.
 */
class CommitWindowReaderTest {

    @TempDir
    Path folder;

    @Test
    void eachItemHoldsTheChunksTheLastWindowsPaceAllowsAndTheLastOneWhatIsLeft() throws IOException {
        AtomicLong now = new AtomicLong();
        CommitWindowReader reader = new CommitWindowReader(new SpoolChunkReader(spool(95), 10),
                CommitWindow.of(importer(), leadLex()), now::get);
        reader.open(new ExecutionContext());

        ChunksToCommit first = reader.read();
        now.addAndGet(Duration.ofMillis(40).toNanos()); // one request sent and committed in 40 ms: 5 in 200 ms
        ChunksToCommit second = reader.read();
        now.addAndGet(Duration.ofMillis(250).toNanos()); // five in 250 ms: 4 in 200 ms
        ChunksToCommit third = reader.read();
        now.addAndGet(Duration.ofMillis(10).toNanos());
        ChunksToCommit fourth = reader.read();

        assertThat(first.chunks()).extracting(WindowChunk::chunkNumber).containsExactly(1);
        assertThat(second.chunks()).extracting(WindowChunk::chunkNumber).containsExactly(2, 3, 4, 5, 6);
        assertThat(third.chunks()).extracting(WindowChunk::chunkNumber).containsExactly(7, 8, 9, 10);
        assertThat(fourth).isNull();
        assertThat(third.chunks().get(3).ids()).hasSize(5);
    }

    @Test
    void theSavedPositionIsTheEndOfTheLastWindowRead() throws IOException {
        Path spool = spool(95);
        AtomicLong now = new AtomicLong();
        CommitWindowReader first = new CommitWindowReader(new SpoolChunkReader(spool, 10),
                CommitWindow.of(importer(), leadLex()), now::get);
        ExecutionContext saved = new ExecutionContext();
        first.open(saved);
        first.read();
        now.addAndGet(Duration.ofMillis(40).toNanos());
        first.read();
        first.update(saved);
        first.close();

        CommitWindowReader restarted = new CommitWindowReader(new SpoolChunkReader(spool, 10),
                CommitWindow.of(importer(), leadLex()));
        restarted.open(saved);

        assertThat(restarted.read().chunks()).as("after chunk 1 and the window of 5 after it")
                .extracting(WindowChunk::chunkNumber).containsExactly(7);
    }

    private Path spool(int lines) throws IOException {
        return Files.writeString(folder.resolve("spool.txt"),
                IntStream.rangeClosed(1, lines).mapToObj(i -> "id-" + i + "\n").collect(Collectors.joining()));
    }

    private static ImporterProperties importer() {
        return new ImporterProperties(Path.of("data"), Path.of("inbox"), 10, 4, Duration.ofSeconds(15), true,
                "import:{source}:{file}", null, Duration.ofSeconds(30), null);
    }

    private static LeadLexProperties leadLex() {
        return new LeadLexProperties(null, "wbk_test", LeadLexPlan.UNMETERED, null, null, null, null, null, null, null,
                null, null, 1);
    }
}
