package com.leadlex.importer.ingest;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Guesses the delimiter from the first line: whichever of comma, semicolon and tab occurs most
 * often outside quotes (comma when none does, which is a single-column file). Spreadsheets in
 * many European locales export with semicolons, and {@code .tsv} files use tabs.
 */
final class CsvDelimiterDetector {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int MAX_FIRST_LINE = 1 << 20;

    private CsvDelimiterDetector() {
    }

    /** Looks at the first line of {@code reader} and leaves the reader where it was. */
    static char detect(BufferedReader reader) throws IOException {
        reader.mark(MAX_FIRST_LINE + 1);
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < MAX_FIRST_LINE; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        reader.reset();
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
