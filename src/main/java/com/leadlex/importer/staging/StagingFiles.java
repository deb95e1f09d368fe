package com.leadlex.importer.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one staging run. Outputs are written under {@code *.part} names and renamed into
 * place only when the whole list has been staged, spool last, so a reader never mistakes a
 * half-written spool for a valid one; spill files live in a work directory that is always removed.
 */
final class StagingFiles {

    private static final Logger log = LoggerFactory.getLogger(StagingFiles.class);

    static final String SPOOL = ImportFiles.SPOOL;
    static final String SPOOL_LINES = ImportFiles.SPOOL_LINES;
    static final String REJECTS = ImportFiles.REJECTS;
    static final String DUPLICATES = ImportFiles.DUPLICATES;
    static final String EMAILS = ImportFiles.EMAILS;
    private static final String WORK_PREFIX = ".staging-work-";
    private static final List<String> OUTPUTS = List.of(REJECTS, DUPLICATES, EMAILS, SPOOL_LINES, SPOOL);

    private final Path directory;
    private final Path work;

    private StagingFiles(Path directory, Path work) {
        this.directory = directory;
        this.work = work;
    }

    /**
     * Creates the directory if needed and removes what an earlier run left in it: its outputs, and
     * the partial files and work directory of a run that was killed.
     */
    static StagingFiles prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : OUTPUTS) {
                Files.deleteIfExists(directory.resolve(name));
                Files.deleteIfExists(directory.resolve(name + ".part"));
            }
            try (Stream<Path> leftovers = Files.list(directory)) {
                leftovers.filter(path -> path.getFileName().toString().startsWith(WORK_PREFIX))
                        .forEach(StagingFiles::deleteTree);
            }
            return new StagingFiles(directory, Files.createTempDirectory(directory, WORK_PREFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare staging directory " + directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    Path work() {
        return work;
    }

    Path partial(String name) {
        return directory.resolve(name + ".part");
    }

    Path output(String name) {
        return directory.resolve(name);
    }

    void publish() {
        try {
            for (String name : OUTPUTS) {
                Files.move(partial(name), output(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the staged files into " + directory, e);
        }
    }

    /** Removes whatever this run wrote; used when the list is refused or staging fails. */
    void discard() {
        for (String name : OUTPUTS) {
            deleteQuietly(partial(name));
            deleteQuietly(output(name));
        }
    }

    void deleteWork() {
        deleteTree(work);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(StagingFiles::deleteQuietly);
        } catch (IOException e) {
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a leftover temp file must not hide the outcome of the staging itself
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
