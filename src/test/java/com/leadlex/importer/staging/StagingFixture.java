package com.leadlex.importer.staging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Shared helpers for the staging tests: stage a string, read the outputs back. */
final class StagingFixture {

    private StagingFixture() {
    }

    /** A deterministic, valid, lower-case contact ID. */
    static String uuid(int n) {
        return "%08x-0000-4000-8000-%012x".formatted(n, (long) n * 7919);
    }

    static StagedList stage(Path directory, String fileName, String content) {
        return stage(StagingProperties.defaults(), directory, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    static StagedList stage(Path directory, String fileName, byte[] content) {
        return stage(StagingProperties.defaults(), directory, fileName, content);
    }

    static StagedList stage(StagingProperties properties, Path directory, String fileName, byte[] content) {
        return new ContactListStager(properties).stage(new ByteArrayInputStream(content), fileName,
                directory.resolve("staged"));
    }

    static List<String> spool(StagedList staged) {
        return lines(staged.spoolFile());
    }

    static List<Long> spoolLines(StagedList staged) {
        return lines(staged.spoolLinesFile()).stream().map(Long::valueOf).toList();
    }

    /** Data rows of a CSV output file (header checked and dropped). */
    static List<List<String>> rows(Path csvFile, String... header) {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csvFile))) {
            List<List<String>> all = parser.stream().map(CSVRecord::toList).toList();
            if (!all.get(0).equals(List.of(header))) {
                throw new AssertionError("header of " + csvFile + " is " + all.get(0));
            }
            return all.subList(1, all.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> rejects(StagedList staged) {
        return rows(staged.rejectsFile(), "line", "value", "reason");
    }

    static List<List<String>> duplicates(StagedList staged) {
        return rows(staged.duplicatesFile(), "line", "contact_id", "first_line");
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file left in a directory tree, relative to it. */
    static List<String> filesIn(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> !path.equals(directory)).map(path -> directory.relativize(path).toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
