package com.leadlex.importer.importjob;

import java.util.List;

/**
 * One request's worth of the spool, and one item of the send step: the IDs of one ledger chunk,
 * numbered by spool line as always ({@code importer.chunk-size} lines a chunk), so that the ledger,
 * the results and the plans read a windowed import exactly as one sent a request at a time.
 */
record WindowChunk(int chunkNumber, long firstLine, long lastLine, List<String> ids) {

    static int chunkNumber(long line, int chunkSize) {
        return (int) ((line - 1) / chunkSize) + 1;
    }
}
