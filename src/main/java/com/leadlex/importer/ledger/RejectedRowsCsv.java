package com.leadlex.importer.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportDirectories;
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

    private final ImportResults results;
    private final ImportDirectories directories;

    public RejectedRowsCsv(ImportResults results, ImportDirectories directories) {
        this.results = results;
        this.directories = directories;
    }

    /** Writes the rejected rows of {@code record} to {@code target}, which stays open. */
    public void write(ImportRecord record, OutputStream target) throws IOException {
        CSVPrinter out = new CSVPrinter(new OutputStreamWriter(target, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        boolean fromResults = results.read(record, in -> forEachRow(in, row -> {
            String outcome = row.get("outcome");
            if (outcome.equals("invalid") || outcome.equals("not_sent")) {
                out.printRecord(row.get("contact_id"), row.get("line"), outcome, row.get("reason"));
            }
        }));
        if (!fromResults) {
            directories.read(record.stagingName(), ImportFiles.REJECTS, in -> forEachRow(in,
                    row -> out.printRecord(row.get("value"), row.get("line"), "invalid", row.get("reason"))));
        }
        out.flush();
    }

    private interface RowAction {
        void accept(CSVRecord row) throws IOException;
    }

    private static void forEachRow(InputStream in, RowAction action) throws IOException {
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            action.accept(row);
        }
    }
}
