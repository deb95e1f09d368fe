package com.leadlex.importer.staging.dedupe;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends longs to a binary temp file through one buffer: the spill format between staging
 * phases, cheaper than {@code DataOutputStream} (no per-call locking, no per-byte writes). The
 * file is created on the first write, so the many empty partitions of a small list cost nothing.
 */
final class LongRecordWriter implements Closeable {

    private final Path file;
    private final int bufferBytes;
    private ByteBuffer buffer;
    private FileChannel channel;

    LongRecordWriter(Path file, int bufferBytes) {
        this.file = file;
        this.bufferBytes = bufferBytes - bufferBytes % Long.BYTES;
    }

    void write(long value) {
        if (buffer == null) {
            buffer = ByteBuffer.allocate(bufferBytes);
        } else if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.putLong(value);
    }

    private void flush() {
        buffer.flip();
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
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
        if (buffer == null) {
            return;
        }
        try {
            flush();
        } finally {
            buffer = null;
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not close staging file " + file, e);
            }
        }
    }
}
