package com.leadlex.importer.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;

/**
 * A pooled list's own results CSV: one line per input row, in input order, with the columns of every
 * import's results ({@code line, contact_id, outcome, reason, chunk, email, found_by}), where the
 * outcome and chunk of a valid ID are those of the pooled import that sent it, followed by that
 * import ({@code pooled_import}) and LeadLex's ID of the request ({@code request_id}). Written where
 * any import's results are, and stored in the database, so the API serves it like any other.
 */
@Component
public class PooledListResults {

    static final String[] HEADER = {"line", "contact_id", "outcome", "reason", "chunk", "email", "found_by",
        "pooled_import", "request_id"};

    private final ImportDirectories directories;
    private final StoredImportFiles stored;

    public PooledListResults(ImportDirectories directories, StoredImportFiles stored) {
        this.directories = directories;
        this.stored = stored;
    }

    /** How many of a list's IDs LeadLex added, found enrolled already, or refused; and in how many requests. */
    public record Counts(long added, long alreadyEnrolled, long refused, int requests) {
    }

    /** Where this node writes a pooled list's results file. */
    public Path file(ImportRecord member) {
        return directories.local(member.stagingName()).results();
    }

    /** Writes the list's results and stores them; returns what became of its valid IDs. */
    public Counts write(ImportRecord member, PooledOutcomes outcomes) {
        ImportFiles files = directories.withLocalCopy(member.stagingName(), ImportFiles.STAGED_ALWAYS);
        List<Row> rows = new ArrayList<>();
        try {
            List<String> ids = Files.readAllLines(files.spool(), StandardCharsets.UTF_8);
            List<String> lines = Files.readAllLines(files.spoolLines(), StandardCharsets.UTF_8);
            for (int i = 0; i < Math.min(ids.size(), lines.size()); i++) {
                String id = ids.get(i).strip();
                PooledOutcomes.Outcome outcome = outcomes.of(id);
                rows.add(new Row(Long.parseLong(lines.get(i).strip()), id, outcome.outcome(), outcome.reason(),
                        outcome.chunk() == null ? "" : outcome.chunk().toString(), "list", outcomes.pooledImportId(),
                        outcomes.requestOf(outcome.chunk())));
            }
            for (CSVRecord reject : csv(files.rejects())) {
                rows.add(new Row(Long.parseLong(reject.get(0)), reject.get(1), "invalid", reject.get(2), "", "", "",
                        ""));
            }
            for (CSVRecord duplicate : csv(files.duplicates())) {
                rows.add(new Row(Long.parseLong(duplicate.get(0)), duplicate.get(1), "duplicate_in_list",
                        "repeats line " + duplicate.get(2), "", "", "", ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the staged files of import " + member.id(), e);
        }
        rows.sort(Comparator.comparingLong(Row::line));
        Counts counts = new Counts(rows.stream().filter(row -> "added".equals(row.outcome())).count(),
                rows.stream().filter(row -> "already_enrolled".equals(row.outcome())).count(),
                rows.stream().filter(row -> row.reason().startsWith("LeadLex refused")).count(),
                (int) rows.stream().map(Row::requestId).filter(id -> !id.isEmpty()).distinct().count());
        Path target = files.results();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Row row : rows) {
                out.printRecord(row.line(), row.contactId(), row.outcome(), row.reason(), row.chunk(), "",
                        row.foundBy(), row.pooledImport(), row.requestId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of import " + member.id() + " to " + target, e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results of import " + member.id() + " to " + target, e);
        }
        stored.store(member.stagingName(), files, List.of(ImportFiles.RESULTS));
        return counts;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private record Row(long line, String contactId, String outcome, String reason, String chunk, String foundBy,
            String pooledImport, String requestId) {
    }
}
