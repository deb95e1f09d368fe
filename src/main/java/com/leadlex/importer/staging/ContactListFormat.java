package com.leadlex.importer.staging;

import java.util.Locale;
import java.util.Optional;

/** The list formats staging understands; each may also arrive gzip-compressed. */
public enum ContactListFormat {
    CSV, TEXT, JSON;

    /** The format a file name announces ({@code .csv}, {@code .txt}, {@code .json}, each optionally {@code .gz}). */
    public static Optional<ContactListFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".txt")) {
            return Optional.of(TEXT);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
