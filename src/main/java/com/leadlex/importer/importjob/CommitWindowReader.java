package com.leadlex.importer.importjob;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the spool a {@link CommitWindow} at a time: as many ledger chunks as the window holds next, one
 * Spring Batch item, so one commit. The spool reader's position, saved with each commit, is the end of
 * the window committed. The step asks for the next window once the last one was sent and committed, so
 * the time between two reads is the pace the window is sized by.
 */
class CommitWindowReader implements ItemStreamReader<ChunksToCommit> {

    private final SpoolChunkReader spool;
    private final CommitWindow window;
    private final LongSupplier nanoTime;
    private int lastSize;
    private long lastReadAt;

    CommitWindowReader(SpoolChunkReader spool, CommitWindow window) {
        this(spool, window, System::nanoTime);
    }

    CommitWindowReader(SpoolChunkReader spool, CommitWindow window, LongSupplier nanoTime) {
        this.spool = spool;
        this.window = window;
        this.nanoTime = nanoTime;
    }

    @Override
    public ChunksToCommit read() {
        long now = nanoTime.getAsLong();
        if (lastSize > 0) {
            // quota waits, retries and the commit included: they set the pace too
            window.sent(lastSize, Duration.ofNanos(now - lastReadAt));
        }
        lastReadAt = now;
        int size = window.nextSize();
        List<WindowChunk> chunks = new ArrayList<>(size);
        for (WindowChunk chunk = spool.read(); chunk != null; chunk = chunks.size() < size ? spool.read() : null) {
            chunks.add(chunk);
        }
        lastSize = chunks.size();
        return chunks.isEmpty() ? null : new ChunksToCommit(List.copyOf(chunks));
    }

    @Override
    public void open(ExecutionContext context) {
        spool.open(context);
    }

    @Override
    public void update(ExecutionContext context) {
        spool.update(context);
    }

    @Override
    public void close() {
        spool.close();
    }
}
