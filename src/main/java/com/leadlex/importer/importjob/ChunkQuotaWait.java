package com.leadlex.importer.importjob;

import java.time.Instant;

import com.leadlex.importer.leadlex.QuotaWaitListener;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRepository;

/**
 * Shows one chunk's wait for its quota slot where operators look: the ledger row says
 * {@code waiting_for_quota} instead of {@code sending}, and the import "waiting for quota until
 * 18:06:00 UTC" instead of "running", until the request goes out.
 */
final class ChunkQuotaWait implements QuotaWaitListener {

    private final ImportRepository imports;
    private final ImportChunkRepository chunks;
    private final long importId;
    private final int chunkNumber;

    ChunkQuotaWait(ImportRepository imports, ImportChunkRepository chunks, long importId, int chunkNumber) {
        this.imports = imports;
        this.chunks = chunks;
        this.importId = importId;
        this.chunkNumber = chunkNumber;
    }

    @Override
    public void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached) {
        chunks.markWaitingForQuota(importId, chunkNumber, anEarlierAttemptMayHaveReached);
        imports.recordQuotaWait(importId, until);
    }

    @Override
    public void waitOver() {
        imports.recordQuotaWait(importId, null);
        chunks.markSending(importId, chunkNumber);
    }
}
