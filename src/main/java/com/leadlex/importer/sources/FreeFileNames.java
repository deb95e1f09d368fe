package com.leadlex.importer.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A name in done/ or failed/ that nothing holds yet: the list's own name when free, else the name
 * with a counter before its extension ({@code list-2.csv}, {@code list-2.csv.gz}). Camel's file move replaces whatever has the target name, so a second list
 * called {@code list.csv} would silently take the place of the first, and of its error report.
 */
final class FreeFileNames {

    private static final String[] COMPOUND_EXTENSIONS = {".csv.gz", ".tsv.gz", ".txt.gz", ".json.gz"};
    static final String REPORT_SUFFIX = ".error.txt";

    private FreeFileNames() {
    }

    /** A path in {@code folder} for {@code name} where neither a file nor its error report exists yet. */
    static Path in(Path folder, String name) {
        Path candidate = folder.resolve(name);
        for (int n = 2; taken(candidate); n++) {
            candidate = folder.resolve(numbered(name, n));
        }
        return candidate;
    }

    static String numbered(String name, int n) {
        String lower = name.toLowerCase(Locale.ROOT);
        int cut = -1;
        for (String extension : COMPOUND_EXTENSIONS) {
            if (lower.endsWith(extension)) {
                cut = name.length() - extension.length();
            }
        }
        if (cut < 0) {
            int dot = name.lastIndexOf('.');
            cut = dot > 0 ? dot : name.length();
        }
        return name.substring(0, cut) + "-" + n + name.substring(cut);
    }

    private static boolean taken(Path candidate) {
        return Files.exists(candidate) || Files.exists(candidate.resolveSibling(candidate.getFileName() + REPORT_SUFFIX));
    }
}
