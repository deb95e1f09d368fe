package com.leadlex.importer.ingest;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the spool ({@code spool.txt}, one canonical ID per line) and its line map
 * ({@code spool.lines}, the source line of each) in step, as ASCII bytes without going through
 * strings: these are the two files that grow with the list.
 */
final class SpoolWriter implements Closeable {

    private final OutputStream ids;
    private final OutputStream lines;
    private final byte[] idLine = new byte[ContactId.TEXT_LENGTH + 1];
    private final byte[] number = new byte[21];
    private long count;

    SpoolWriter(Path spoolFile, Path linesFile) {
        try {
            ids = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
            lines = new BufferedOutputStream(Files.newOutputStream(linesFile), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the spool in " + spoolFile.getParent(), e);
        }
        idLine[ContactId.TEXT_LENGTH] = '\n';
    }

    void write(long msb, long lsb, long sourceLine) {
        ContactId.writeAscii(msb, lsb, idLine, 0);
        int position = number.length;
        number[--position] = '\n';
        long value = sourceLine;
        do {
            number[--position] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        try {
            ids.write(idLine);
            lines.write(number, position, number.length - position);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spool", e);
        }
        count++;
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        try (ids; lines) {
            ids.flush();
            lines.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spool", e);
        }
    }
}
