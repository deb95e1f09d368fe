package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the spool a {@link CommitWindow} at a time: as many ledger chunks as the window holds next, one
 * Spring Batch item, so one commit. The spool reader's position, saved with each commit, is the end of
 * the window committed.
 */
class CommitWindowReader implements ItemStreamReader<ChunksToCommit> {

    private final SpoolChunkReader spool;
    private final CommitWindow window;

    CommitWindowReader(SpoolChunkReader spool, CommitWindow window) {
        this.spool = spool;
        this.window = window;
    }

    @Override
    public ChunksToCommit read() {
        int size = window.nextSize();
        List<WindowChunk> chunks = new ArrayList<>(size);
        for (WindowChunk chunk = spool.read(); chunk != null; chunk = chunks.size() < size ? spool.read() : null) {
            chunks.add(chunk);
        }
        return chunks.isEmpty() ? null : new ChunksToCommit(List.copyOf(chunks), window);
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
