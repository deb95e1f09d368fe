package com.leadlex.importer.importjob;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ReaderNotOpenException;

/**
 * Reads an import's spool (one contact ID a line) one ledger chunk at a time: the lines of one
 * LeadLex request are one Spring Batch item. With one item per ID, Spring Batch's item loop and the
 * step-scoped reader's proxy ran 500 times a request, and the writer cut each commit back into
 * requests: together a sixth of the send phase's CPU.
 * <p>
 * Chunks are numbered by spool line as always (the import's chunk size, lines a chunk), so the
 * ledger, the results and the plans read the same. The restart position is the number of lines
 * read, saved under the key and with the meaning (and the {@code int}) of the ID-an-item reader of
 * earlier versions, so each version resumes where the other paused. A position inside a chunk,
 * which only an edited execution context could hold, is read to that chunk's end first, keeping its
 * number.
 */
class SpoolChunkReader implements ItemStreamReader<WindowChunk> {

    /** Lines read and committed: the key the ID-an-item reader named {@code spoolReader} used. */
    static final String LINES_READ = "spoolReader.read.count";

    private final Path spool;
    private final int chunkSize;
    private SpoolLines lines;
    private long linesRead;

    SpoolChunkReader(Path spool, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, not " + chunkSize);
        }
        this.spool = spool;
        this.chunkSize = chunkSize;
    }

    @Override
    public void open(ExecutionContext context) {
        long position = context.containsKey(LINES_READ) ? ((Number) context.get(LINES_READ)).longValue() : 0;
        SpoolLines reader;
        try {
            reader = SpoolLines.open(spool);
        } catch (IOException e) {
            throw new ItemStreamException("Could not open the spool " + spool + ": " + e.getMessage(), e);
        }
        try {
            skipTo(reader, position);
        } catch (ItemStreamException e) {
            closeQuietly(reader, e);
            throw e;
        }
        lines = reader;
        linesRead = position;
    }

    private void skipTo(SpoolLines reader, long position) {
        try {
            for (long skipped = 0; skipped < position; skipped++) {
                if (reader.readLine() == null) {
                    throw new ItemStreamException("The spool " + spool + " has " + skipped + " lines, but the "
                            + "import's saved position is line " + position + ": it is not the list this import "
                            + "was sending, so resuming could not be exact");
                }
            }
        } catch (IOException e) {
            throw new ItemStreamException("Could not read the spool " + spool + " up to line " + position, e);
        }
    }

    /** The next chunk's lines, up to the next chunk boundary or the spool's end; null at the end. */
    @Override
    public WindowChunk read() {
        if (lines == null) {
            throw new ReaderNotOpenException("The spool reader of " + spool + " is not open");
        }
        long firstLine = linesRead + 1;
        int chunkNumber = WindowChunk.chunkNumber(firstLine, chunkSize);
        long boundary = (long) chunkNumber * chunkSize;
        List<String> ids = new ArrayList<>((int) Math.min(chunkSize, boundary - linesRead));
        try {
            while (linesRead < boundary) {
                String id = lines.readLine();
                if (id == null) {
                    break;
                }
                ids.add(id);
                linesRead++;
            }
        } catch (IOException e) {
            throw new ItemStreamException("Could not read the spool " + spool + " after line " + linesRead, e);
        }
        return ids.isEmpty() ? null : new WindowChunk(chunkNumber, firstLine, linesRead,
                Collections.unmodifiableList(ids));
    }

    @Override
    public void update(ExecutionContext context) {
        // an int, as earlier versions read it: a spool of over two billion IDs is not one list
        context.putInt(LINES_READ, Math.toIntExact(linesRead));
    }

    private static void closeQuietly(SpoolLines reader, Exception failure) {
        try {
            reader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            try {
                lines.close();
            } catch (IOException e) {
                throw new ItemStreamException("Could not close the spool " + spool, e);
            } finally {
                lines = null;
            }
        }
    }
}
