package com.leadlex.importer.staging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking they are well-formed UTF-8 and counting lines, so that a
 * list saved in Windows-1252 or UTF-16 is refused with the line to look at instead of being
 * silently decoded into replacement characters that would then fail as "not a UUID" row by row.
 * NUL bytes are refused too: they mean UTF-16 without a byte order mark, or binary data.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

    private long line = 1;
    private boolean lastWasCr;
    private int pendingContinuations;
    private int nextMin = 0x80;
    private int nextMax = 0xBF;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            checkComplete();
        } else {
            check((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            checkComplete();
        }
        for (int i = offset; i < offset + n; i++) {
            check(buffer[i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(byte value) {
        if (pendingContinuations == 0) {
            if (value > 0) {
                countLine(value);
                return;
            }
            lastWasCr = false;
            startSequence(value & 0xFF);
            return;
        }
        int b = value & 0xFF;
        if (b < nextMin || b > nextMax) {
            throw invalid();
        }
        pendingContinuations--;
        nextMin = 0x80;
        nextMax = 0xBF;
    }

    private void countLine(byte value) {
        if (value == '\n') {
            if (!lastWasCr) {
                line++;
            }
            lastWasCr = false;
        } else if (value == '\r') {
            line++;
            lastWasCr = true;
        } else {
            lastWasCr = false;
        }
    }

    private void startSequence(int b) {
        if (b == 0) {
            throw new ContactListRejectedException("The file holds a NUL byte at line " + line
                    + ": it looks like UTF-16 without a byte order mark, or binary data. "
                    + "Save the file as UTF-8 and send it again.");
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pendingContinuations = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pendingContinuations = 2;
            nextMin = b == 0xE0 ? 0xA0 : 0x80;
            nextMax = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pendingContinuations = 3;
            nextMin = b == 0xF0 ? 0x90 : 0x80;
            nextMax = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw invalid();
        }
    }

    private void checkComplete() {
        if (pendingContinuations > 0) {
            throw invalid();
        }
    }

    private ContactListRejectedException invalid() {
        return new ContactListRejectedException("The file is not valid UTF-8: invalid byte sequence at line "
                + line + " (was it saved as Windows-1252 or Latin-1?). Save the file as UTF-8 and send it again.");
    }
}
