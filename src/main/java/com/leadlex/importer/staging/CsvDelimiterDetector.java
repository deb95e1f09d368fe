package com.leadlex.importer.staging;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Guesses the delimiter from the first line that holds something besides whitespace and
 * delimiters: whichever of comma, semicolon and tab occurs most often there outside quotes (comma
 * when none does: a single-column file). Spreadsheets in many European locales export with
 * semicolons, and {@code .tsv} files use tabs.
 */
final class CsvDelimiterDetector {

    private static final String CANDIDATES = ",;\t";
    private static final int MAX_LOOKAHEAD = 1 << 20;

    private CsvDelimiterDetector() {
    }

    /** Looks ahead in {@code reader} and leaves it where it was. */
    static char detect(BufferedReader reader) throws IOException {
        reader.mark(MAX_LOOKAHEAD + 1);
        int[] counts = new int[CANDIDATES.length()];
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i < MAX_LOOKAHEAD; i++) {
            int c = reader.read();
            if (c < 0) {
                break;
            }
            if (!quoted && (c == '\n' || c == '\r')) {
                if (!blank) {
                    break;
                }
                Arrays.fill(counts, 0);
            } else if (c == '"') {
                quoted = !quoted;
                blank = false;
            } else if (!quoted) {
                int candidate = CANDIDATES.indexOf(c);
                if (candidate >= 0) {
                    counts[candidate]++;
                } else if (!Character.isWhitespace(c)) {
                    blank = false;
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES.charAt(best);
    }
}
