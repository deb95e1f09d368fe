package com.leadlex.importer.importjob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A spool's lines, read as bytes and each turned into a string once. A {@code BufferedReader} decodes
 * the file into characters and then packs each line back into a string's bytes: for the send phase's
 * 500 IDs a request that was a third of what the importer allocated. Lines end at {@code \n}, a
 * {@code \r} before it dropped; unlike {@code readLine}, a {@code \r} alone ends no line, and bytes
 * that are not UTF-8 read as U+FFFD rather than failing. Neither occurs in a spool: the importer writes
 * its spools itself, in UTF-8, each ID ended by {@code \n} (or the system's {@code \r\n}).
 */
final class SpoolLines implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private boolean ended;

    private SpoolLines(InputStream in) {
        this.in = in;
    }

    static SpoolLines open(Path spool) throws IOException {
        return new SpoolLines(Files.newInputStream(spool));
    }

    /** The next line without its ending, or null at the end of the file. */
    String readLine() throws IOException {
        int searched = 0; // of the line begun, the bytes already searched for its end
        while (true) {
            for (int at = start + searched; at < end; at++) {
                if (buffer[at] == '\n') {
                    String line = text(start, at);
                    start = at + 1;
                    return line;
                }
            }
            searched = end - start;
            if (ended) {
                if (start == end) {
                    return null;
                }
                String last = text(start, end);
                start = end;
                return last;
            }
            fill();
        }
    }

    private String text(int from, int to) {
        int length = to > from && buffer[to - 1] == '\r' ? to - from - 1 : to - from;
        return new String(buffer, from, length, StandardCharsets.UTF_8);
    }

    /** Moves the line begun to the buffer's start (growing it for a line longer than it) and reads more. */
    private void fill() throws IOException {
        int kept = end - start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, kept);
        } else if (kept == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        start = 0;
        end = kept;
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            ended = true;
        } else {
            end += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
