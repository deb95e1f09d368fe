package com.leadlex.importer.staging;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the spool ({@code spool.txt}, one canonical ID per line) and its line map
 * ({@code spool.lines}, the source line of each) in step, formatting ASCII straight into its own
 * buffers: these are the two files that grow with the list, so no string or lock per line.
 */
final class SpoolWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream ids;
    private final OutputStream lines;
    private final byte[] idBuffer = new byte[BUFFER_BYTES];
    private final byte[] lineBuffer = new byte[BUFFER_BYTES];
    private final byte[] digits = new byte[20];
    private int idPosition;
    private int linePosition;

    SpoolWriter(Path spoolFile, Path linesFile) {
        try {
            ids = Files.newOutputStream(spoolFile);
            lines = Files.newOutputStream(linesFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the spool in " + spoolFile.getParent(), e);
        }
    }

    void write(long msb, long lsb, long sourceLine) {
        if (idPosition > BUFFER_BYTES - ContactId.TEXT_LENGTH - 1) {
            idPosition = drain(ids, idBuffer, idPosition);
        }
        ContactId.writeAscii(msb, lsb, idBuffer, idPosition);
        idBuffer[idPosition + ContactId.TEXT_LENGTH] = '\n';
        idPosition += ContactId.TEXT_LENGTH + 1;

        if (linePosition > BUFFER_BYTES - digits.length - 1) {
            linePosition = drain(lines, lineBuffer, linePosition);
        }
        int count = 0;
        long value = sourceLine;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (count > 0) {
            lineBuffer[linePosition++] = digits[--count];
        }
        lineBuffer[linePosition++] = '\n';
    }

    private static int drain(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the spool", e);
        }
        return 0;
    }

    @Override
    public void close() {
        try (ids; lines) {
            idPosition = drain(ids, idBuffer, idPosition);
            linePosition = drain(lines, lineBuffer, linePosition);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the spool", e);
        }
    }
}
