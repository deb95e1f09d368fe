package com.leadlex.importer.leadlex;

import java.util.List;

/**
 * The "Add Contacts to Campaign" body written straight into bytes, for the usual request: every ID
 * and the source tag printable ASCII with nothing JSON escapes. A profile of the send phase put
 * Jackson's generator at a tenth of the importer's main-thread CPU for these 500 short strings a
 * request; a copy costs a fraction of that. Anything else (a quote, a backslash, a control
 * character, a non-ASCII letter) is left to Jackson: {@link #of} answers null.
 */
final class PlainRequestBody {

    private static final byte[] IDS_OPEN = ascii(LeadLexJson.IDS_KEY + "[");
    private static final byte[] SOURCE_OPEN = ascii("],\"source\":\"");

    private PlainRequestBody() {
    }

    /** The body, byte for byte what Jackson writes for it; null when something in it needs escaping. */
    static LeadLexJson.RequestBody of(List<String> contactIds, String source) {
        int length = IDS_OPEN.length + 1; // and the closing brace
        for (String id : contactIds) {
            if (!isPlain(id)) {
                return null;
            }
            length += id.length() + 2;
        }
        length += Math.max(0, contactIds.size() - 1); // commas
        if (source == null) {
            length += 1; // the array's closing bracket
        } else if (isPlain(source)) {
            length += SOURCE_OPEN.length + source.length() + 1; // the bracket is in SOURCE_OPEN; its closing quote
        } else {
            return null;
        }
        byte[] body = new byte[length];
        int at = put(IDS_OPEN, body, 0);
        for (int i = 0; i < contactIds.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            body[at++] = '"';
            at = put(contactIds.get(i), body, at);
            body[at++] = '"';
        }
        int idsEnd = at + 1; // after the array's closing bracket, written next
        if (source != null) {
            at = put(SOURCE_OPEN, body, at);
            at = put(source, body, at);
            body[at++] = '"';
        } else {
            body[at++] = ']';
        }
        body[at] = '}';
        return new LeadLexJson.RequestBody(body, idsEnd);
    }

    /** Printable ASCII that JSON takes as it is: no control character, quote or backslash. */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies {@code text}, printable ASCII (checked by {@link #isPlain}), into {@code body}. The deprecated
     * {@code getBytes} keeps each character's low byte, which for ASCII is the character itself, and copies
     * a string held as Latin-1 in one array copy, where a loop goes character by character.
     */
    @SuppressWarnings("deprecation")
    private static int put(String text, byte[] body, int at) {
        text.getBytes(0, text.length(), body, at);
        return at + text.length();
    }

    private static int put(byte[] bytes, byte[] body, int at) {
        System.arraycopy(bytes, 0, body, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String text) {
        byte[] bytes = new byte[text.length()];
        put(text, bytes, 0);
        return bytes;
    }
}
