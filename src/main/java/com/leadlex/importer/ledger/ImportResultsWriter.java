package com.leadlex.importer.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;

/**
 * Writes an import's results CSV: one line per input row, in input order, saying what became of it
 * ({@code added}, {@code already_enrolled}, {@code invalid}, {@code duplicate_in_list},
 * {@code not_sent}). It is rewritten after every execution, so it always tells the latest truth;
 * its {@code contact_id} column lets the not-sent rows be dropped back into the inbox as they are.
 * Any node can write it: the staged files come from this node's copy of the import's directory,
 * restored from the database if need be, the outcomes from the ledger; the file is written there and
 * then stored in the database, where every node's API reads it.
 */
@Component
public class ImportResultsWriter {

    static final String[] HEADER = {"line", "contact_id", "outcome", "reason", "chunk", "email", "found_by"};
    static final String UNKNOWN_EMAIL = "unknown_email";

    private final ChunkOutcomeFiles legacyOutcomes;
    private final ImportChunkRepository chunks;
    private final ImportDirectories directories;
    private final StoredImportFiles stored;
    private final ImportEmailRepository emails;

    public ImportResultsWriter(ChunkOutcomeFiles legacyOutcomes, ImportChunkRepository chunks,
            ImportDirectories directories, StoredImportFiles stored, ImportEmailRepository emails) {
        this.emails = emails;
        this.legacyOutcomes = legacyOutcomes;
        this.chunks = chunks;
        this.directories = directories;
        this.stored = stored;
    }

    /** Where this node writes the import's results file. */
    public Path resultsFile(ImportRecord record) {
        return directories.local(record.stagingName()).results();
    }

    /**
     * Writes the results of an import that is not running, from the ledger, its staged files and its
     * state alone, and stores them in the database: at the end of every execution, and again on request,
     * with the same outcome.
     *
     * @throws UncheckedIOException when the file cannot be written, or the staged files are in neither
     *                              this node's copy nor the database
     */
    public Path write(ImportRecord record) {
        Path results = write(record, notSentReason(record));
        stored.store(record.stagingName(), new ImportFiles(results.getParent()), List.of(ImportFiles.RESULTS));
        return results;
    }

    /** Why IDs without a completed chunk were not sent, as the import's state says; null once it completed. */
    static String notSentReason(ImportRecord record) {
        return switch (record.status()) {
            case COMPLETED, ALREADY_IMPORTED -> null;
            case PAUSED -> "paused until " + record.resumeAt() + ": " + record.lastError();
            case STOPPED -> "import was stopped before this chunk";
            case FAILED -> record.lastError();
            default -> "import did not finish";
        };
    }

    /**
     * @param notSentReason why IDs without a completed chunk were not sent (the import's error, or
     *                      that it is paused); null for an import that completed
     */
    private Path write(ImportRecord record, String notSentReason) {
        boolean resolved = Files.exists(directories.local(record.stagingName()).file(ImportFiles.RESOLVED))
                || stored.has(record.stagingName(), ImportFiles.RESOLVED);
        List<String> needed = new java.util.ArrayList<>(ImportFiles.STAGED_ALWAYS);
        if (resolved) {
            needed.addAll(List.of(ImportFiles.RESOLVED, ImportFiles.RESOLVED_LINES));
        }
        ImportFiles files = directories.withLocalCopy(record.stagingName(), needed);
        // e-mail rows: every address by line (repeats too), and what the import's first step made of each
        Map<Long, String> emailByLine = new HashMap<>();
        directories.read(record.stagingName(), ImportFiles.EMAILS, in -> {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                emailByLine.put(Long.parseLong(row.get("line")), row.get("email"));
            }
        });
        Map<Long, ImportEmailRepository.ImportEmail> emailRows = new HashMap<>();
        Map<String, String> idByEmail = new HashMap<>();
        List<ImportEmailRepository.ImportEmail> unknown = new java.util.ArrayList<>();
        if (!emailByLine.isEmpty()) {
            for (ImportEmailRepository.ImportEmail row : emails.find(record.id())) {
                emailRows.put(row.line(), row);
                if (row.contactId() != null) {
                    idByEmail.put(row.email(), row.contactId());
                } else if (resolved) {
                    unknown.add(row);
                }
            }
        }
        Iterator<ImportEmailRepository.ImportEmail> unknownRows = unknown.iterator();
        Path target = files.results();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (CSVPrinter out = new CSVPrinter(openForWriting(temp),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
                SpoolRows spool = new SpoolRows(files, resolved, chunks.findByImport(record.id()),
                        chunkNumber -> outcomeOf(record.id(), chunkNumber, files),
                        notSentReason == null ? "import did not finish" : notSentReason);
                CsvRows rejects = new CsvRows(files.rejects());
                CsvRows duplicates = new CsvRows(files.duplicates())) {
            ResultRow nextSpool = spool.next();
            CSVRecord nextReject = rejects.next();
            CSVRecord nextDuplicate = duplicates.next();
            ImportEmailRepository.ImportEmail nextUnknown = unknownRows.hasNext() ? unknownRows.next() : null;
            while (nextSpool != null || nextReject != null || nextDuplicate != null || nextUnknown != null) {
                long spoolLine = nextSpool == null ? Long.MAX_VALUE : nextSpool.line();
                long rejectLine = nextReject == null ? Long.MAX_VALUE : Long.parseLong(nextReject.get(0));
                long duplicateLine = nextDuplicate == null ? Long.MAX_VALUE : Long.parseLong(nextDuplicate.get(0));
                long unknownLine = nextUnknown == null ? Long.MAX_VALUE : nextUnknown.line();
                long first = Math.min(Math.min(spoolLine, rejectLine), Math.min(duplicateLine, unknownLine));
                if (first == spoolLine) {
                    String email = emailByLine.getOrDefault(spoolLine, "");
                    ImportEmailRepository.ImportEmail emailRow = emailRows.get(spoolLine);
                    // before its first step resolved them, an e-mail row's spool entry is its key: never shown
                    String contactId = email.isEmpty() || resolved ? nextSpool.contactId() : "";
                    String foundBy = email.isEmpty() ? ImportEmailRepository.LIST
                            : emailRow == null || emailRow.foundBy() == null ? "" : emailRow.foundBy();
                    out.printRecord(nextSpool.line(), contactId, nextSpool.outcome(), nextSpool.reason(),
                            nextSpool.chunk() == 0 ? "" : nextSpool.chunk(), email, foundBy);
                    nextSpool = spool.next();
                } else if (first == rejectLine) {
                    String reason = nextReject.get(2);
                    out.printRecord(rejectLine, nextReject.get(1), "invalid", reason, "",
                            "invalid_email".equals(reason) ? nextReject.get(1) : "", "");
                    nextReject = rejects.next();
                } else if (first == duplicateLine) {
                    String email = emailByLine.getOrDefault(duplicateLine, "");
                    String contactId = email.isEmpty() ? nextDuplicate.get(1) : idByEmail.getOrDefault(email, "");
                    out.printRecord(duplicateLine, contactId, "duplicate_in_list",
                            "repeats line " + nextDuplicate.get(2), "", email, "");
                    nextDuplicate = duplicates.next();
                } else {
                    out.printRecord(unknownLine, "", UNKNOWN_EMAIL,
                            "no contact of the workspace has this address (looked up after a directory refresh)",
                            "", nextUnknown.email(), "");
                    nextUnknown = unknownRows.hasNext() ? unknownRows.next() : null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of import " + record.id() + " to " + target, e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of import " + record.id() + " to " + target, e);
        }
        return target;
    }

    /** Booked with the chunk; in a file of the import's directory for chunks booked by earlier versions. */
    private Optional<ChunkOutcome> outcomeOf(long importId, int chunkNumber, ImportFiles files) {
        return chunks.outcome(importId, chunkNumber).or(() -> legacyOutcomes.read(files, chunkNumber));
    }

    /** Where the file's bytes go; a test puts a full disk here. */
    protected Writer openForWriting(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** One results line for a spooled (valid, unique) ID. */
    record ResultRow(long line, String contactId, String outcome, String reason, int chunk) {
    }

    /** Reads a staging CSV (header first) record by record; a missing file reads as empty. */
    private static final class CsvRows implements AutoCloseable {
        private final BufferedReader reader;
        private final Iterator<CSVRecord> records;

        CsvRows(Path file) throws IOException {
            if (Files.exists(file)) {
                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                        .iterator();
            } else {
                reader = null;
                records = List.<CSVRecord>of().iterator();
            }
        }

        CSVRecord next() {
            return records.hasNext() ? records.next() : null;
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /** A chunk's per-ID outcome, fetched as the walk reaches the chunk: one chunk's IDs in memory at a time. */
    private interface ChunkOutcomes {
        Optional<ChunkOutcome> of(int chunkNumber);
    }

    /** Walks the spool beside its source lines and the ledger, giving each ID its outcome. */
    private static final class SpoolRows implements AutoCloseable {
        private final BufferedReader ids;
        private final BufferedReader sourceLines;
        private final Iterator<ChunkRecord> ledger;
        private final ChunkOutcomes outcomes;
        private final String notSentReason;
        private long spoolLine;
        private ChunkRecord chunk;
        private Optional<ChunkOutcome> outcome = Optional.empty();

        SpoolRows(ImportFiles files, boolean resolved, List<ChunkRecord> ledger, ChunkOutcomes outcomes,
                String notSentReason) throws IOException {
            this.ids = Files.newBufferedReader(resolved ? files.file(ImportFiles.RESOLVED) : files.spool(),
                    StandardCharsets.UTF_8);
            try {
                this.sourceLines = Files.newBufferedReader(resolved ? files.file(ImportFiles.RESOLVED_LINES)
                        : files.spoolLines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                ids.close();
                throw e;
            }
            this.ledger = ledger.iterator();
            this.outcomes = outcomes;
            this.notSentReason = notSentReason;
        }

        ResultRow next() throws IOException {
            String id = ids.readLine();
            String line = sourceLines.readLine();
            if (id == null || line == null) {
                return null;
            }
            spoolLine++;
            while ((chunk == null || chunk.lastLine() < spoolLine) && ledger.hasNext()) {
                chunk = ledger.next();
                outcome = chunk.status().isDone() ? outcomes.of(chunk.chunkNumber()) : Optional.empty();
            }
            long sourceLine = Long.parseLong(line.trim());
            boolean inChunk = chunk != null && chunk.firstLine() <= spoolLine && spoolLine <= chunk.lastLine();
            if (!inChunk || outcome.isEmpty()) {
                String reason = inChunk && chunk.error() != null ? chunk.error() : notSentReason;
                return new ResultRow(sourceLine, id, "not_sent", reason, inChunk ? chunk.chunkNumber() : 0);
            }
            ChunkOutcome known = outcome.get();
            if (known.wasAdded(id)) {
                return new ResultRow(sourceLine, id, "added", "", chunk.chunkNumber());
            }
            if (known.refused().containsKey(id)) {
                return new ResultRow(sourceLine, id, "not_sent", "LeadLex refused it: " + known.refused().get(id),
                        chunk.chunkNumber());
            }
            String reason = chunk.status() == ChunkStatus.RESENT
                    ? "its chunk was sent more than once (a restart, or a retry after no answer or a 5xx); an "
                            + "earlier attempt may have added it" : "";
            return new ResultRow(sourceLine, id, "already_enrolled", reason, chunk.chunkNumber());
        }

        @Override
        public void close() throws IOException {
            ids.close();
            sourceLines.close();
        }
    }
}
