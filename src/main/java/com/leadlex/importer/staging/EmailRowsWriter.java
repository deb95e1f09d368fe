package com.leadlex.importer.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code emails.csv} ({@code line,email,full_name}): every row that came with a valid e-mail
 * address instead of an ID, normalized, in source order, repeats included, with the name the row
 * gives (empty when none). The spool holds these rows' {@link EmailKeys}; this file is how the import
 * finds the address behind a key (by line), and the name to create a missing contact with.
 */
final class EmailRowsWriter implements Closeable {

    private final CSVPrinter printer;
    private long count;

    EmailRowsWriter(Path file) {
        try {
            printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), RejectsCsvWriter.FORMAT);
            printer.printRecord("line", "email", "full_name");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file, e);
        }
    }

    void write(long line, String normalizedEmail, String fullName) {
        try {
            printer.printRecord(line, normalizedEmail, fullName == null ? "" : fullName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the e-mail rows file", e);
        }
        count++;
    }

    /** Rows written: valid e-mail rows, repeats included. */
    long count() {
        return count;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the e-mail rows file", e);
        }
    }
}
