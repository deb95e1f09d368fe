package com.leadlex.importer.staging;

import java.nio.file.Path;

/**
 * The one place that knows the names of an import's files inside its directory under
 * {@code <data-dir>/imports/}: what staging writes (spool, its line numbers, rejects, duplicates),
 * the per-chunk outcomes the job writes, and the results file. Whoever reads or writes one of them
 * asks this type for its path, so a name cannot drift between the writer and its readers.
 */
public record ImportFiles(Path directory) {

    static final String SPOOL = "spool.txt";
    static final String SPOOL_LINES = "spool.lines";
    static final String REJECTS = "rejects.csv";
    static final String DUPLICATES = "duplicates.csv";
    private static final String RESULTS = "results.csv";
    private static final String OUTCOMES = "outcomes";

    /** The valid, unique IDs in source order, one canonical lower-case UUID per line. */
    public Path spool() {
        return directory.resolve(SPOOL);
    }

    /** For each spool line, the line of the source file it came from. */
    public Path spoolLines() {
        return directory.resolve(SPOOL_LINES);
    }

    /** Invalid rows: {@code line,value,reason}. */
    public Path rejects() {
        return directory.resolve(REJECTS);
    }

    /** Repeated IDs: {@code line,contact_id,first_line}. */
    public Path duplicates() {
        return directory.resolve(DUPLICATES);
    }

    /** What happened to every input row, written when the import ends. */
    public Path results() {
        return directory.resolve(RESULTS);
    }

    /** Which IDs of one chunk LeadLex added or refused, written when the chunk is booked. */
    public Path chunkOutcome(int chunkNumber) {
        return directory.resolve(OUTCOMES).resolve(String.format("chunk-%06d.csv", chunkNumber));
    }
}
