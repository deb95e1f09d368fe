package com.leadlex.importer.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.dedupe.PartitionSpillWriter;
import com.leadlex.importer.staging.dedupe.PartitionedDeduplicator;

/**
 * Stages a contact list: reads it in whatever format it came, validates every row, drops repeats
 * and writes the spool the import job reads, plus the rejects and duplicates files. Streaming
 * throughout; memory stays bounded whatever the list's size:
 * read → validate → spill by ID range ({@link PartitionSpillWriter}) → deduplicate and hash one
 * partition at a time, splitting any that is too big ({@link PartitionedDeduplicator}) → merge
 * back into source order ({@link SpoolMerger}).
 */
@Component
public class ContactListStager {

    private static final Logger log = LoggerFactory.getLogger(ContactListStager.class);

    private final StagingProperties properties;
    private final IdFieldNames idNames;

    public ContactListStager(StagingProperties properties) {
        this.properties = properties;
        this.idNames = new IdFieldNames(properties.idColumn(), properties.emailColumn());
    }

    /**
     * Stages one list into {@code stagingDirectory} (created if missing), streaming, and closes
     * {@code content}. Earlier outputs in the directory are replaced; when the list is refused none
     * are left behind. One list per directory at a time; different directories may be staged
     * concurrently.
     *
     * @throws ContactListRejectedException when the list as a whole cannot be staged
     */
    public StagedList stage(InputStream content, String fileName, Path stagingDirectory) {
        ContactListFormat format = ContactListFormat.fromFileName(fileName)
                .orElseThrow(() -> new ContactListRejectedException("Unknown list format for '" + fileName
                        + "': accepted file names end in .csv, .tsv, .txt or .json, each optionally followed by .gz."));
        long started = System.nanoTime();
        StagingFiles files = StagingFiles.prepare(stagingDirectory);
        try {
            PartitionSpillWriter spill = new PartitionSpillWriter(files.work(), properties.partitions());
            RowCounts counts = readAndSpill(content, format, spill, files);
            long read = System.nanoTime();
            ContentHasher hasher = new ContentHasher();
            PartitionedDeduplicator.Result deduplicated =
                    new PartitionedDeduplicator(PartitionedDeduplicator.DEFAULT_MAX_RECORDS_IN_MEMORY, hasher)
                            .deduplicate(spill, files.work());
            long deduplicatedAt = System.nanoTime();
            mergeIntoSpool(deduplicated, files);
            log.debug("Staging phases: read {} ms, deduplicate {} ms, merge {} ms", (read - started) / 1_000_000,
                    (deduplicatedAt - read) / 1_000_000, (System.nanoTime() - deduplicatedAt) / 1_000_000);
            files.publish();
            StagedList staged = new StagedList(stagingDirectory, files.output(StagingFiles.SPOOL),
                    files.output(StagingFiles.SPOOL_LINES), files.output(StagingFiles.REJECTS),
                    files.output(StagingFiles.DUPLICATES), hasher.hex(), format, counts.rows(),
                    deduplicated.unique(), counts.invalid(), deduplicated.duplicates());
            log.info("Staged {} ({}) in {} ms: {} rows, {} valid unique, {} invalid, {} duplicates, content {}",
                    fileName, format, (System.nanoTime() - started) / 1_000_000, staged.rowsRead(),
                    staged.validUnique(), staged.invalid(), staged.duplicates(), staged.contentHash());
            return staged;
        } catch (RuntimeException e) {
            files.discard();
            throw e;
        } finally {
            files.deleteWork();
        }
    }

    private record RowCounts(long rows, long invalid) {
    }

    /** Reads every row: valid IDs into the spill, the others into rejects.csv. */
    private RowCounts readAndSpill(InputStream content, ContactListFormat format, PartitionSpillWriter spill,
            StagingFiles files) {
        try (content; spill; RejectsCsvWriter rejects = new RejectsCsvWriter(files.partial(StagingFiles.REJECTS));
                EmailRowsWriter emails = new EmailRowsWriter(files.partial(StagingFiles.EMAILS));
                InputStream utf8 = ContactListInputOpener.open(content)) {
            ValidatingRowSink sink = new ValidatingRowSink(spill, rejects, emails);
            readerFor(format).read(utf8, sink);
            if (sink.rows() == 0) {
                throw new ContactListRejectedException("The list holds no rows: the file has only blank lines.");
            }
            return new RowCounts(sink.rows(), rejects.count());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the contact list", e);
        }
    }

    private static void mergeIntoSpool(PartitionedDeduplicator.Result deduplicated, StagingFiles files) {
        try (SpoolWriter spool = new SpoolWriter(files.partial(StagingFiles.SPOOL),
                files.partial(StagingFiles.SPOOL_LINES));
                DuplicatesCsvWriter duplicates = new DuplicatesCsvWriter(files.partial(StagingFiles.DUPLICATES))) {
            new SpoolMerger().merge(deduplicated.runs(), spool, duplicates);
        }
    }

    private ContactListReader readerFor(ContactListFormat format) {
        return switch (format) {
            case CSV -> new CsvContactListReader(idNames);
            case TEXT -> new TextContactListReader(idNames);
            case JSON -> new JsonContactListReader(idNames);
        };
    }
}
