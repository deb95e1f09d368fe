package com.leadlex.importer.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVPrinter;

/** Writes {@code duplicates.csv} ({@code line,contact_id,first_line}), in source order. */
final class DuplicatesCsvWriter implements Closeable {

    private final CSVPrinter printer;
    private long count;

    DuplicatesCsvWriter(Path file) {
        try {
            printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), RejectsCsvWriter.FORMAT);
            printer.printRecord("line", "contact_id", "first_line");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file, e);
        }
    }

    void write(long line, long msb, long lsb, long firstLine) {
        try {
            printer.printRecord(line, new ContactId(msb, lsb), firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the duplicates file", e);
        }
        count++;
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the duplicates file", e);
        }
    }
}
