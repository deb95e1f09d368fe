package com.leadlex.importer.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportFiles;

/**
 * The rows of an import that did not get in, as a list that can be dropped back into
 * {@code inbox/<campaign>/} once fixed: its first column is {@code contact_id} (the column the
 * stager looks for), followed by where the row came from and why it was set aside. Invalid rows
 * need their ID corrected; {@code not_sent} rows can go back as they are. Taken from the results
 * CSV, or, before the import has written one, from the staging's rejects.
 */
@Component
public class RejectedRowsCsv {

    static final String[] HEADER = {"contact_id", "line", "outcome", "reason"};

    /** Writes the rejected rows of {@code record} to {@code target}, which stays open. */
    public void write(ImportRecord record, OutputStream target) throws IOException {
        CSVPrinter out = new CSVPrinter(new OutputStreamWriter(target, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        Path results = ImportResultsWriter.resultsFile(record);
        Path rejects = new ImportFiles(record.stagingDir()).rejects();
        if (Files.exists(results)) {
            forEachRow(results, row -> {
                String outcome = row.get("outcome");
                if (outcome.equals("invalid") || outcome.equals("not_sent")) {
                    out.printRecord(row.get("contact_id"), row.get("line"), outcome, row.get("reason"));
                }
            });
        } else if (Files.exists(rejects)) {
            forEachRow(rejects, row -> out.printRecord(row.get("value"), row.get("line"), "invalid", row.get("reason")));
        }
        out.flush();
    }

    private interface RowAction {
        void accept(CSVRecord row) throws IOException;
    }

    private static void forEachRow(Path file, RowAction action) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                action.accept(row);
            }
        }
    }
}
