package com.leadlex.importer.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;

/**
 * An import's results.csv for whoever reads it, on any node: the copy in the database, which the last
 * node to write it stored there and which is kept as long as the import is; this node's file only for
 * results written before they were stored in the database.
 */
@Component
public class ImportResults {

    private final StoredImportFiles stored;
    private final ImportDirectories directories;

    public ImportResults(StoredImportFiles stored, ImportDirectories directories) {
        this.stored = stored;
        this.directories = directories;
    }

    /**
     * Where the results are, for people: this node's file when it has one, else the API path that serves
     * the database's copy; empty before the first execution ended.
     */
    public Optional<String> location(ImportRecord record) {
        Path local = localFile(record);
        if (Files.exists(local)) {
            return Optional.of(local.toString());
        }
        return stored.has(record.stagingName(), ImportFiles.RESULTS)
                ? Optional.of("/api/imports/" + record.id() + "/results.csv")
                : Optional.empty();
    }

    public boolean exist(ImportRecord record) {
        return stored.has(record.stagingName(), ImportFiles.RESULTS) || Files.exists(localFile(record));
    }

    /** Streams the results to {@code reader}; false (reader not called) when there are none yet. */
    public boolean read(ImportRecord record, StoredImportFiles.ContentReader reader) {
        if (stored.read(record.stagingName(), ImportFiles.RESULTS, reader)) {
            return true;
        }
        Path local = localFile(record);
        if (!Files.exists(local)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(local)) {
            reader.read(in);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + local, e);
        }
    }

    private Path localFile(ImportRecord record) {
        return directories.local(record.stagingName()).results();
    }
}
