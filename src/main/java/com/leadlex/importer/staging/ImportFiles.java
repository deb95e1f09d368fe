package com.leadlex.importer.staging;

import java.nio.file.Path;
import java.util.List;

/**
 * The one place that knows the names of an import's files inside its directory under
 * {@code <data-dir>/imports/}: what staging writes (spool, its line numbers, rejects, duplicates),
 * the per-chunk outcomes earlier versions wrote, and the results file. Whoever reads or writes one of
 * them asks this type for its path (or, in the database, its name), so a name cannot drift between
 * the writer and its readers.
 */
public record ImportFiles(Path directory) {

    public static final String SPOOL = "spool.txt";
    public static final String SPOOL_LINES = "spool.lines";
    public static final String REJECTS = "rejects.csv";
    public static final String DUPLICATES = "duplicates.csv";
    public static final String EMAILS = "emails.csv";
    public static final String RESULTS = "results.csv";
    /** The spool with e-mail rows resolved (unknown ones left out), written by the import's first step. */
    public static final String RESOLVED = "resolved.txt";
    /** For each line of {@link #RESOLVED}, the line of the source file it came from. */
    public static final String RESOLVED_LINES = "resolved.lines";
    private static final String OUTCOMES = "outcomes";

    /** What staging writes and the import reads: stored in the database before the list is accepted. */
    public static final List<String> STAGED = List.of(SPOOL, SPOOL_LINES, REJECTS, DUPLICATES, EMAILS);

    /**
     * The staged files every import has: lists staged before e-mail rows existed have no {@link #EMAILS}
     * (read it with {@link ImportDirectories#read}, which says when it is missing).
     */
    public static final List<String> STAGED_ALWAYS = List.of(SPOOL, SPOOL_LINES, REJECTS, DUPLICATES);

    /**
     * The staged IDs and addresses themselves, removed {@code importer.staging.retention} after the import
     * ended.
     */
    public static final List<String> STAGED_IDS = List.of(SPOOL, SPOOL_LINES, EMAILS, RESOLVED, RESOLVED_LINES);

    /** The file called {@code name} in this directory. */
    public Path file(String name) {
        return directory.resolve(name);
    }

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

    /** Rows that came with an e-mail address instead of an ID: {@code line,email,full_name}, normalized. */
    public Path emails() {
        return directory.resolve(EMAILS);
    }

    /** What happened to every input row, written when the import ends. */
    public Path results() {
        return directory.resolve(RESULTS);
    }

    /**
     * Which IDs of one chunk LeadLex added or refused, as versions before the outcome was booked with the
     * chunk in the database wrote it; read for chunks booked then.
     */
    public Path chunkOutcome(int chunkNumber) {
        return directory.resolve(OUTCOMES).resolve(String.format("chunk-%06d.csv", chunkNumber));
    }
}
