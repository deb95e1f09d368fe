package com.leadlex.importer.leadlex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * LeadLex's usual answer to a chunk adds every ID sent and lists them back as the request wrote them:
 * its {@code "contact_ids": [...]} is, byte for byte, the request's array. Told apart by comparing the
 * two arrays as bytes, such an answer needs no reading of its 500 IDs; measured in the importer, reading
 * them as JSON cost about a tenth of a request's time against a fast LeadLex. Anything else (an array
 * written otherwise, other IDs, the key twice, an escape anywhere else) is left to the full reading.
 */
final class EchoedIds {

    private static final byte[] KEY = "\"contact_ids\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BACKSLASH = { '\\' };

    private EchoedIds() {
    }

    /**
     * The answer with its {@code contact_ids} array emptied ({@code []}) when that array is the one
     * {@code sent} carries, byte for byte, the key appears once and nothing else in the answer is
     * escaped; else null. The caller reads what is left and checks it says every ID sent was added.
     */
    static byte[] withEchoedIdsEmptied(byte[] answer, LeadLexJson.RequestBody sent) {
        int key = indexOf(answer, KEY, 0);
        if (key < 0) {
            return null;
        }
        int colon = skipWhitespace(answer, key + KEY.length);
        if (colon >= answer.length || answer[colon] != ':') {
            return null;
        }
        int open = skipWhitespace(answer, colon + 1);
        int length = sent.idsEnd() - sent.idsFrom(); // from its '[' to its ']'
        int end = open + length;
        if (end > answer.length || !Arrays.equals(answer, open, end, sent.bytes(), sent.idsFrom(), sent.idsEnd())) {
            return null;
        }
        if (indexOf(answer, KEY, end) >= 0) {
            return null;
        }
        byte[] rest = new byte[answer.length - length + 2];
        System.arraycopy(answer, 0, rest, 0, open + 1); // up to and with the '['
        System.arraycopy(answer, end - 1, rest, open + 1, answer.length - end + 1); // from the ']' on
        // an escape could spell the key otherwise ("contact\u005fids"), making another array the one read
        return indexOf(rest, BACKSLASH, 0) < 0 ? rest : null;
    }

    private static int skipWhitespace(byte[] text, int from) {
        int at = from;
        while (at < text.length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
            at++;
        }
        return at;
    }

    private static int indexOf(byte[] text, byte[] sought, int from) {
        for (int at = from; at <= text.length - sought.length; at++) {
            if (Arrays.equals(text, at, at + sought.length, sought, 0, sought.length)) {
                return at;
            }
        }
        return -1;
    }
}
