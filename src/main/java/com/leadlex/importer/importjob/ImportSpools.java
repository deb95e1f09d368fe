package com.leadlex.importer.importjob;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;

/**
 * Finds the spool an import's job reads, on whichever node runs it: this node's copy of the import's
 * directory, restored from the database first when it is missing. Executions launched by earlier
 * versions carry the spool's absolute path on the node that staged it; that file is the last resort,
 * for imports staged before lists were stored in the database.
 */
@Component
class ImportSpools {

    private final ImportRepository imports;
    private final ImportDirectories directories;
    private final StoredImportFiles stored;

    ImportSpools(ImportRepository imports, ImportDirectories directories, StoredImportFiles stored) {
        this.imports = imports;
        this.directories = directories;
        this.stored = stored;
    }

    /**
     * The reader of an import's spool, a ledger chunk an item at the chunk size the import was
     * registered with: the ledger's rows are numbered by it, so a restart after {@code importer.chunk-size}
     * changed must cut the rest of the spool as the first run did, or it would number chunks it has not
     * sent yet as ones already booked, and skip them.
     *
     * @param earlierVersionsSpoolFile as for {@link #localSpool(long, String)}
     */
    SpoolChunkReader reader(long importId, String earlierVersionsSpoolFile) {
        ImportRecord record = registered(importId);
        return new SpoolChunkReader(localSpool(record, earlierVersionsSpoolFile), record.chunkSize());
    }

    /**
     * @param earlierVersionsSpoolFile the {@code spoolFile} job parameter of an execution launched by an
     *                                 earlier version, or null
     * @throws UncheckedIOException with a {@link FileNotFoundException} saying why when there is no spool
     */
    Path localSpool(long importId, String earlierVersionsSpoolFile) {
        return localSpool(registered(importId), earlierVersionsSpoolFile);
    }

    private ImportRecord registered(long importId) {
        return imports.findById(importId).orElseThrow(
                () -> new IllegalStateException("Import " + importId + " is not registered"));
    }

    private Path localSpool(ImportRecord record, String earlierVersionsSpoolFile) {
        if (record.stagedIdsRemovedAt() != null) {
            throw new UncheckedIOException(new FileNotFoundException("The staged IDs of import " + record.id()
                    + " were removed at " + record.stagedIdsRemovedAt() + " (importer.staging.retention after it "
                    + "ended); drop the list again to import it afresh"));
        }
        try {
            // an import with e-mail rows sends the spool its first step resolved
            if (Files.exists(directories.local(record.stagingName()).file(ImportFiles.RESOLVED))
                    || stored.has(record.stagingName(), ImportFiles.RESOLVED)) {
                return directories.withLocalCopy(record.stagingName(), List.of(ImportFiles.RESOLVED))
                        .file(ImportFiles.RESOLVED);
            }
            return directories.withLocalCopy(record.stagingName(), List.of(ImportFiles.SPOOL)).spool();
        } catch (UncheckedIOException e) {
            if (earlierVersionsSpoolFile != null && Files.exists(Path.of(earlierVersionsSpoolFile))) {
                return Path.of(earlierVersionsSpoolFile);
            }
            throw e;
        }
    }
}
