package com.leadlex.importer.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends longs to a binary temp file through one buffer: the spill format between staging
 * phases, cheaper than {@code DataOutputStream} (no per-call locking, no per-byte writes).
 */
final class LongRecordWriter implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;

    LongRecordWriter(Path file, int bufferBytes) {
        this.file = file;
        this.buffer = ByteBuffer.allocate(bufferBytes - bufferBytes % Long.BYTES);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create staging file " + file, e);
        }
    }

    void write(long value) {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.putLong(value);
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write staging file " + file, e);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        try (channel) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close staging file " + file, e);
        }
    }
}
