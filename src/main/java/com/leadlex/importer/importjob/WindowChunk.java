package com.leadlex.importer.importjob;

import java.util.ArrayList;
import java.util.List;

/**
 * One request's worth of a send window: the IDs of one ledger chunk, numbered by spool line as
 * always ({@code importer.chunk-size} lines a chunk), so that the ledger, the results and the plans
 * read a windowed import exactly as one sent a request at a time.
 */
record WindowChunk(int chunkNumber, long firstLine, long lastLine, List<String> ids) {

    /** Cuts a Spring Batch chunk (k chunks' worth of lines, read in order) at the ledger's chunk boundaries. */
    static List<WindowChunk> split(List<? extends SpoolEntry> entries, int chunkSize) {
        List<WindowChunk> chunks = new ArrayList<>();
        int from = 0;
        while (from < entries.size()) {
            int number = chunkNumber(entries.get(from).line(), chunkSize);
            int to = from + 1;
            while (to < entries.size() && chunkNumber(entries.get(to).line(), chunkSize) == number) {
                to++;
            }
            List<? extends SpoolEntry> part = entries.subList(from, to);
            chunks.add(new WindowChunk(number, part.get(0).line(), part.get(part.size() - 1).line(),
                    part.stream().map(SpoolEntry::contactId).toList()));
            from = to;
        }
        return chunks;
    }

    static int chunkNumber(long line, int chunkSize) {
        return (int) ((line - 1) / chunkSize) + 1;
    }
}
