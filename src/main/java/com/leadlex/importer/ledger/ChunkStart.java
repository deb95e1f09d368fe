package com.leadlex.importer.ledger;

/** A chunk about to be sent: which import, which IDs (by spool line), and which execution sends it. */
public record ChunkStart(long importId, int chunkNumber, long jobExecutionId, long stepExecutionId, long firstLine,
        long lastLine, int idCount) {
}
