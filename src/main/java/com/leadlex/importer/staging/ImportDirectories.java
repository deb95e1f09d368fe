package com.leadlex.importer.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.ImporterProperties;

/**
 * Where an import's files are on this node: {@code <importer.data-dir>/imports/<name>}, a working copy
 * of what the database holds ({@link StoredImportFiles}). Nodes share no disk, so an import is known
 * everywhere by its directory's name only, and each node resolves that name under its own data
 * directory. A file missing here is restored from the database first, each file whole or not at all
 * (a temporary name, then a rename), so no one ever reads a half-restored directory.
 */
@Component
public class ImportDirectories {

    private static final Logger log = LoggerFactory.getLogger(ImportDirectories.class);

    private final Path importsDir;
    private final StoredImportFiles stored;

    public ImportDirectories(ImporterProperties properties, StoredImportFiles stored) {
        this.importsDir = properties.importsDir();
        this.stored = stored;
    }

    /**
     * The name of an import's directory as the database knows it. Rows and job parameters written by
     * earlier versions hold the absolute path on the node that staged the list: its last element.
     */
    public static String nameOf(String storedDirectory) {
        int separator = Math.max(storedDirectory.lastIndexOf('/'), storedDirectory.lastIndexOf('\\'));
        return storedDirectory.substring(separator + 1);
    }

    /** The import's directory on this node, whatever is in it. */
    public ImportFiles local(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || !name.equals(nameOf(name))) {
            throw new IllegalArgumentException("Not the name of an import directory: '" + name + "'");
        }
        return new ImportFiles(importsDir.resolve(name));
    }

    /**
     * The import's directory on this node, holding every file of {@code fileNames}: each one missing
     * here is restored from the database first.
     *
     * @throws UncheckedIOException with a {@link FileNotFoundException} when a file is in neither place
     */
    public ImportFiles withLocalCopy(String name, List<String> fileNames) {
        ImportFiles files = local(name);
        for (String fileName : fileNames) {
            Path file = files.file(fileName);
            if (Files.exists(file)) {
                continue;
            }
            if (!stored.restore(name, fileName, file)) {
                throw new UncheckedIOException(new FileNotFoundException(fileName + " of import directory " + name
                        + " is neither on this node (" + file + ") nor in the database"));
            }
            log.info("Restored {} of import directory {} from the database into {}", fileName, name, file.getParent());
        }
        return files;
    }

    /**
     * Streams one file of the import: this node's copy when it has one, the database's otherwise. For
     * files that never change once written (the staged ones). False when it is in neither place.
     */
    public boolean read(String name, String fileName, StoredImportFiles.ContentReader reader) {
        Path file = local(name).file(fileName);
        if (!Files.exists(file)) {
            return stored.read(name, fileName, reader);
        }
        try (var in = Files.newInputStream(file)) {
            reader.read(in);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The names of the import directories on this node. */
    public List<String> localNames() {
        if (!Files.isDirectory(importsDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(importsDir)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + importsDir, e);
        }
    }

    /** When this node's copy of the directory was last changed. */
    public Instant lastModified(String name) {
        try {
            return Files.getLastModifiedTime(local(name).directory()).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes this node's copy of the directory, whatever is in it. */
    public void deleteLocal(String name) {
        Path root = local(name).directory();
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
