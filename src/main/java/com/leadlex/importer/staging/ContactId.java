package com.leadlex.importer.staging;

import java.nio.charset.StandardCharsets;

/**
 * A contact ID as the 128-bit number it is: two longs instead of a 36-character string, so that
 * millions of them can be spilled, hashed and compared cheaply.
 */
record ContactId(long msb, long lsb) {

    /** Length of the canonical text form, {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}. */
    static final int TEXT_LENGTH = 36;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX_VALUE['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX_VALUE['a' + i] = (byte) (10 + i);
            HEX_VALUE['A' + i] = (byte) (10 + i);
        }
    }

    /** The ID in 8-4-4-4-12 hex form (either case, nothing around it), or null when it is not one. */
    static ContactId parseOrNull(String text) {
        if (text.length() != TEXT_LENGTH || text.charAt(8) != '-' || text.charAt(13) != '-'
                || text.charAt(18) != '-' || text.charAt(23) != '-') {
            return null;
        }
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = 0; i < TEXT_LENGTH; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            char c = text.charAt(i);
            int value = c < 128 ? HEX_VALUE[c] : -1;
            if (value < 0) {
                return null;
            }
            if (digits++ < 16) {
                msb = (msb << 4) | value;
            } else {
                lsb = (lsb << 4) | value;
            }
        }
        return new ContactId(msb, lsb);
    }

    /** Writes the canonical lower-case form (36 ASCII bytes) at {@code offset}. */
    static void writeAscii(long msb, long lsb, byte[] target, int offset) {
        hex(msb >>> 32, 8, target, offset);
        target[offset + 8] = '-';
        hex(msb >>> 16, 4, target, offset + 9);
        target[offset + 13] = '-';
        hex(msb, 4, target, offset + 14);
        target[offset + 18] = '-';
        hex(lsb >>> 48, 4, target, offset + 19);
        target[offset + 23] = '-';
        hex(lsb, 12, target, offset + 24);
    }

    private static void hex(long value, int digits, byte[] target, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            target[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }

    @Override
    public String toString() {
        byte[] text = new byte[TEXT_LENGTH];
        writeAscii(msb, lsb, text, 0);
        return new String(text, StandardCharsets.US_ASCII);
    }
}
