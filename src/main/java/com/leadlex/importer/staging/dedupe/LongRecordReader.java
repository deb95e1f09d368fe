package com.leadlex.importer.staging.dedupe;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads back what a {@link LongRecordWriter} wrote, one long at a time, through one buffer. */
public final class LongRecordReader implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private boolean endOfFile;

    public LongRecordReader(Path file, int bufferBytes) {
        this.file = file;
        this.buffer = ByteBuffer.allocate(bufferBytes - bufferBytes % Long.BYTES);
        this.buffer.limit(0);
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open staging file " + file, e);
        }
    }

    /** Whether another long can be read. */
    public boolean hasNext() {
        if (buffer.remaining() >= Long.BYTES) {
            return true;
        }
        if (!endOfFile) {
            fill();
        }
        return buffer.remaining() >= Long.BYTES;
    }

    public long next() {
        if (!hasNext()) {
            throw new IllegalStateException("Staging file " + file + " ended early");
        }
        return buffer.getLong();
    }

    private void fill() {
        buffer.compact();
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    endOfFile = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read staging file " + file, e);
        }
        buffer.flip();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close staging file " + file, e);
        }
    }
}
