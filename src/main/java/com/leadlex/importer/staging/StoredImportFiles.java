package com.leadlex.importer.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * An import's files in the database that every node shares (IMPORT_FILE, IMPORT_FILE_PART), so that
 * any node can rebuild the import's directory and go on with it. Files are keyed by the import
 * directory's name, not by the import: they are stored before the import is registered
 * (acknowledged means stored).
 *
 * <p>A file is one gzip stream cut into parts of {@value #PART_BYTES} bytes, streamed in and out one
 * part at a time, each part in a transaction of its own: memory stays bounded on both sides whatever
 * the file's size (H2 holds a transaction's rows in memory until it ends). So that nobody reads half
 * a file, a version of a file is 'writing' while its parts go in, and the files stored together turn
 * 'stored' in one short transaction at the end; a replaced or removed version turns 'deleting' first
 * and then loses its parts. What a crash leaves half way is finished off by
 * {@link #finishInterrupted(Instant)}.
 */
@Repository
public class StoredImportFiles {

    /** About 1 MB a row: few round trips and commits, and little held at once on either side. */
    static final int PART_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(StoredImportFiles.class);
    private static final int PARTS_PER_DELETE = 8;
    private static final int STREAM_BUFFER = 1 << 16;
    private static final String WRITING = "writing";
    private static final String STORED = "stored";
    private static final String DELETING = "deleting";

    private final JdbcTemplate jdbc;
    private final IndependentWrites writes;

    public StoredImportFiles(JdbcTemplate jdbc, IndependentWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Stores the files {@code fileNames} of {@code files} under {@code directoryName}, replacing what was
     * stored under those names. When this returns, all of them are stored; when it throws, none is.
     */
    public void store(String directoryName, ImportFiles files, List<String> fileNames) {
        List<Written> written = new ArrayList<>();
        try {
            for (String fileName : fileNames) {
                written.add(write(directoryName, fileName, files.file(fileName)));
            }
        } catch (RuntimeException e) {
            written.forEach(content -> purgeQuietly(content.contentId()));
            throw e;
        }
        List<String> replaced = writes.inOwnTransaction(() -> {
            List<String> earlier = markDeleting(directoryName, fileNames, STORED);
            OffsetDateTime now = writes.now();
            for (Written content : written) {
                jdbc.update("UPDATE IMPORT_FILE SET STATE = ?, PARTS = ?, STORED_BYTES = ?, STORED_AT = ? "
                        + "WHERE CONTENT_ID = ?", STORED, content.parts(), content.bytes(), now, content.contentId());
            }
            return earlier;
        });
        replaced.forEach(this::purge);
    }

    /**
     * Copies the stored file to {@code target}: into a temporary file beside it, renamed into place once
     * whole, so a reader of {@code target} never sees part of it. False (and nothing written) when no
     * such file is stored.
     */
    public boolean restore(String directoryName, String fileName, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".restoring-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            if (!read(directoryName, fileName, in -> Files.copy(in, temp))) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + fileName + " of " + directoryName + " to " + target,
                    e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // nothing holds it: a leftover temporary file is only disk space, never read
                log.warn("Could not delete {}: {}", temp, e.toString());
            }
        }
    }

    /**
     * Streams the stored file's content to {@code reader}, part by part. False (and the reader not
     * called) when no such file is stored.
     *
     * @throws UncheckedIOException when the file cannot be read whole (it was removed while being read)
     */
    public boolean read(String directoryName, String fileName, ContentReader reader) {
        List<Written> current = jdbc.query("SELECT CONTENT_ID, PARTS, STORED_BYTES FROM IMPORT_FILE "
                + "WHERE STAGING_DIR = ? AND FILE_NAME = ? AND STATE = ? ORDER BY STORED_AT DESC, CONTENT_ID "
                + "FETCH FIRST 1 ROWS ONLY", (rs, row) -> new Written(rs.getString(1), rs.getInt(2), rs.getLong(3)),
                directoryName, fileName, STORED);
        if (current.isEmpty()) {
            return false;
        }
        try (InputStream content = new GZIPInputStream(new PartsInputStream(current.get(0)), STREAM_BUFFER)) {
            reader.read(content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + fileName + " of " + directoryName
                    + " from the database", e);
        }
    }

    public boolean has(String directoryName, String fileName) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM IMPORT_FILE WHERE STAGING_DIR = ? AND FILE_NAME = ? "
                + "AND STATE = ?", Integer.class, directoryName, fileName, STORED);
        return count != null && count > 0;
    }

    /** Removes the files {@code fileNames} stored under {@code directoryName}. */
    public void remove(String directoryName, Collection<String> fileNames) {
        writes.inOwnTransaction(() -> markDeleting(directoryName, fileNames, STORED)).forEach(this::purge);
    }

    /** Removes every file stored under {@code directoryName}. */
    public void removeAll(String directoryName) {
        writes.inOwnTransaction(() -> markDeleting(directoryName, null, null)).forEach(this::purge);
    }

    /**
     * Finishes what a crash (or a database gone away) left half way: versions being deleted, and versions
     * whose writing began before {@code writingBefore} and never ended. Returns how many were removed.
     */
    public int finishInterrupted(Instant writingBefore) {
        List<String> leftOver = jdbc.queryForList("SELECT CONTENT_ID FROM IMPORT_FILE WHERE STATE = ? "
                + "OR (STATE = ? AND STORED_AT < ?) ORDER BY STORED_AT", String.class, DELETING, WRITING,
                writingBefore.atOffset(ZoneOffset.UTC));
        leftOver.forEach(this::purge);
        return leftOver.size();
    }

    /** Names of directories whose staged IDs have been stored since before {@code storedBefore}. */
    public List<String> namesWithStagedIdsStoredBefore(Instant storedBefore) {
        return jdbc.queryForList("SELECT STAGING_DIR FROM IMPORT_FILE WHERE FILE_NAME = ? AND STATE = ? "
                + "AND STORED_AT < ? ORDER BY STAGING_DIR", String.class, ImportFiles.SPOOL, STORED,
                storedBefore.atOffset(ZoneOffset.UTC));
    }

    /** How many bytes the database holds for the directory's files, compressed: for benchmarks and operators. */
    public long storedBytes(String directoryName) {
        Long bytes = jdbc.queryForObject("SELECT COALESCE(SUM(STORED_BYTES), 0) FROM IMPORT_FILE "
                + "WHERE STAGING_DIR = ? AND STATE = ?", Long.class, directoryName, STORED);
        return bytes == null ? 0 : bytes;
    }

    /** Marks the directory's versions in {@code state} (any, when null) of those files (all, when null) 'deleting'. */
    private List<String> markDeleting(String directoryName, Collection<String> fileNames, String state) {
        StringBuilder where = new StringBuilder(" WHERE STAGING_DIR = ?");
        List<Object> args = new ArrayList<>(List.of(directoryName));
        if (state != null) {
            where.append(" AND STATE = ?");
            args.add(state);
        }
        if (fileNames != null) {
            where.append(" AND FILE_NAME IN (").append(String.join(", ", fileNames.stream().map(n -> "?").toList()))
                    .append(')');
            args.addAll(fileNames);
        }
        List<String> ids = jdbc.queryForList("SELECT CONTENT_ID FROM IMPORT_FILE" + where, String.class,
                args.toArray());
        List<Object> update = new ArrayList<>(List.of(DELETING));
        update.addAll(args);
        jdbc.update("UPDATE IMPORT_FILE SET STATE = ?" + where, update.toArray());
        return ids;
    }

    private Written write(String directoryName, String fileName, Path file) {
        String contentId = UUID.randomUUID().toString();
        writes.update("INSERT INTO IMPORT_FILE (CONTENT_ID, STAGING_DIR, FILE_NAME, STATE, STORED_AT) "
                + "VALUES (?, ?, ?, ?, ?)", contentId, directoryName, fileName, WRITING, writes.now());
        PartsOutputStream parts = new PartsOutputStream(contentId);
        try (InputStream in = Files.newInputStream(file); OutputStream out = new FastGzipOutputStream(parts)) {
            in.transferTo(out);
        } catch (IOException e) {
            purgeQuietly(contentId);
            throw new UncheckedIOException("Could not store " + file + " in the database", e);
        } catch (RuntimeException e) {
            purgeQuietly(contentId);
            throw e;
        }
        return new Written(contentId, parts.partNumber, parts.bytes);
    }

    /** Deletes a version's parts a few at a time, then the version itself. Safe to repeat, and to run twice at once. */
    private void purge(String contentId) {
        Integer last = jdbc.queryForObject("SELECT MAX(PART_NUMBER) FROM IMPORT_FILE_PART WHERE CONTENT_ID = ?",
                Integer.class, contentId);
        for (int from = 0; last != null && from <= last; from += PARTS_PER_DELETE) {
            writes.update("DELETE FROM IMPORT_FILE_PART WHERE CONTENT_ID = ? AND PART_NUMBER >= ? AND PART_NUMBER < ?",
                    contentId, from, from + PARTS_PER_DELETE);
        }
        writes.update("DELETE FROM IMPORT_FILE WHERE CONTENT_ID = ?", contentId);
    }

    /** After a failed store: what cannot be removed now is left 'writing', for {@link #finishInterrupted}. */
    private void purgeQuietly(String contentId) {
        try {
            purge(contentId);
        } catch (RuntimeException e) {
            log.warn("Could not remove the half-stored file {} now ({}); the retention cleaner will",
                    contentId, TransientDatabaseFailures.describe(e));
        }
    }

    /** Reads a file's {@code InputStream}, which is only valid during the call. */
    @FunctionalInterface
    public interface ContentReader {
        void read(InputStream content) throws IOException;
    }

    /** One version of a file: its parts and their size in all. */
    private record Written(String contentId, int parts, long bytes) {
    }

    /** Gzip at its fastest level: IDs are random hex, so harder work gains little and costs time. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, STREAM_BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** Cuts what is written into parts of {@value #PART_BYTES} bytes, inserting each as it fills. */
    private final class PartsOutputStream extends OutputStream {
        private final String contentId;
        private final byte[] buffer = new byte[PART_BYTES];
        private int length;
        private int partNumber;
        private long bytes;

        PartsOutputStream(String contentId) {
            this.contentId = contentId;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            while (count > 0) {
                int taken = Math.min(count, buffer.length - length);
                System.arraycopy(source, offset, buffer, length, taken);
                length += taken;
                offset += taken;
                count -= taken;
                if (length == buffer.length) {
                    insertBuffer();
                }
            }
        }

        @Override
        public void close() {
            if (length > 0 || partNumber == 0) {
                insertBuffer();
            }
        }

        private void insertBuffer() {
            byte[] part = length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            writes.update("INSERT INTO IMPORT_FILE_PART (CONTENT_ID, PART_NUMBER, BYTES) VALUES (?, ?, ?)",
                    contentId, partNumber, part);
            bytes += length;
            partNumber++;
            length = 0;
        }
    }

    /** Fetches one part at a time, as the reader gets to it. */
    private final class PartsInputStream extends InputStream {
        private final Written content;
        private byte[] part = new byte[0];
        private int position;
        private int partNumber;

        PartsInputStream(Written content) {
            this.content = content;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            while (position == part.length) {
                if (partNumber == content.parts()) {
                    return -1;
                }
                part = fetch(partNumber++);
                position = 0;
            }
            int taken = Math.min(count, part.length - position);
            System.arraycopy(part, position, target, offset, taken);
            position += taken;
            return taken;
        }

        private byte[] fetch(int number) throws IOException {
            List<byte[]> rows = jdbc.query("SELECT BYTES FROM IMPORT_FILE_PART WHERE CONTENT_ID = ? AND PART_NUMBER = ?",
                    (rs, row) -> rs.getBytes(1), content.contentId(), number);
            if (rows.isEmpty()) {
                throw new IOException("part " + number + " of " + content.parts() + " is gone: the file was removed "
                        + "or replaced while it was read");
            }
            return rows.get(0);
        }
    }
}
