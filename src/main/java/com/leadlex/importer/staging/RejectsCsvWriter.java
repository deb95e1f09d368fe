package com.leadlex.importer.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code rejects.csv} ({@code line,value,reason}), in source order. Values longer than
 * {@value #MAX_VALUE} characters are cut and marked with their full length, so one runaway field
 * (an unclosed quote swallowing a file) cannot blow up the report.
 */
final class RejectsCsvWriter implements Closeable {

    static final int MAX_VALUE = 100;
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final CSVPrinter printer;
    private long count;

    RejectsCsvWriter(Path file) {
        try {
            printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
            printer.printRecord("line", "value", "reason");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file, e);
        }
    }

    void write(long line, String value, String reason) {
        try {
            printer.printRecord(line, truncate(value), reason);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the rejects file", e);
        }
        count++;
    }

    long count() {
        return count;
    }

    static String truncate(String value) {
        if (value.length() <= MAX_VALUE) {
            return value;
        }
        int end = MAX_VALUE - 20;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the rejects file", e);
        }
    }
}
