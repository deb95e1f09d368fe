package com.leadlex.importer.staging;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns the bytes as they arrived into the bytes a reader can parse: gunzipped when they start
 * with the gzip magic (whatever the file is called), UTF-8 byte order mark removed, UTF-16 refused,
 * an empty file refused, the rest checked as UTF-8 while it streams by.
 */
final class ContactListInputOpener {

    private static final int BUFFER = 1 << 16;

    private ContactListInputOpener() {
    }

    static InputStream open(InputStream raw) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
            boolean gzip = startsWith(in, 0x1F, 0x8B);
            BufferedInputStream content = gzip ? new BufferedInputStream(gunzip(in), BUFFER) : in;
            skipByteOrderMark(content, gzip);
            return new Utf8CheckingInputStream(content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contact list", e);
        }
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GzipErrors(new GZIPInputStream(in, BUFFER));
        } catch (ZipException | EOFException e) {
            throw GzipErrors.corrupt(e);
        }
    }

    private static void skipByteOrderMark(BufferedInputStream in, boolean gzip) throws IOException {
        in.mark(3);
        int b0 = in.read();
        if (b0 < 0) {
            throw new ContactListRejectedException(gzip
                    ? "The file is empty: the gzip stream decompresses to 0 bytes."
                    : "The file is empty (0 bytes).");
        }
        int b1 = in.read();
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            throw new ContactListRejectedException("The file is UTF-16 (it starts with a UTF-16 byte order mark);"
                    + " UTF-16 is not supported. Save the file as UTF-8 and send it again.");
        }
        int b2 = in.read();
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return;
        }
        in.reset();
    }

    private static boolean startsWith(BufferedInputStream in, int first, int second) throws IOException {
        in.mark(2);
        boolean matches = in.read() == first && in.read() == second;
        in.reset();
        return matches;
    }

    /** Reports a damaged gzip stream as what it is, not as an I/O failure. */
    private static final class GzipErrors extends FilterInputStream {

        GzipErrors(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw corrupt(e);
            }
        }

        static ContactListRejectedException corrupt(IOException e) {
            return new ContactListRejectedException("The gzip stream is corrupt or truncated (" + e.getMessage()
                    + "). Compress the list again, or send it uncompressed.", e);
        }
    }
}
