package com.leadlex.importer.sandbox;

import java.util.UUID;

/**
 * Strict contact-ID parsing. {@link UUID#fromString} accepts forms such as {@code 1-2-3-4-5};
 * LeadLex wants the canonical 36-character form, in either case, so this parser does too.
 */
final class ContactIds {

    private ContactIds() {
    }

    /** The UUID, or null when {@code text} is not a canonical 8-4-4-4-12 hex UUID. */
    static UUID parse(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int value = Character.digit(c, 16);
            if (value < 0 || c > 'f') {
                return null;
            }
            if (digits < 16) {
                high = (high << 4) | value;
            } else {
                low = (low << 4) | value;
            }
            digits++;
        }
        return new UUID(high, low);
    }
}
