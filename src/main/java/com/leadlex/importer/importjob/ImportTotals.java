package com.leadlex.importer.importjob;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The running totals an import keeps in its step's ExecutionContext. They are committed with each
 * chunk, so after a restart they hold exactly what the committed chunks did.
 */
public record ImportTotals(long rowsRead, long invalid, long duplicates, long added, long skipped, long refused,
        long requests) {

    static final String ROWS_READ = "totals.rowsRead";
    static final String INVALID = "totals.invalid";
    static final String DUPLICATES = "totals.duplicates";
    static final String ADDED = "totals.added";
    static final String SKIPPED = "totals.skipped";
    static final String REFUSED = "totals.refused";
    static final String REQUESTS = "totals.requests";

    public static final ImportTotals NONE = new ImportTotals(0, 0, 0, 0, 0, 0, 0);

    public static ImportTotals from(ExecutionContext context) {
        return new ImportTotals(context.getLong(ROWS_READ, 0), context.getLong(INVALID, 0),
                context.getLong(DUPLICATES, 0), context.getLong(ADDED, 0), context.getLong(SKIPPED, 0),
                context.getLong(REFUSED, 0), context.getLong(REQUESTS, 0));
    }

    /**
     * Chunks of a window that failed as a whole, booked on their own and counted in these totals
     * already: the restart reads them again from the ledger as delivered and must not count them twice.
     */
    static final String COUNTED_AHEAD = "totals.countedAhead";

    static void add(ExecutionContext context, String key, long amount) {
        context.putLong(key, context.getLong(key, 0) + amount);
    }

    static void countedAhead(ExecutionContext context, int chunkNumber) {
        Set<String> chunks = countedAhead(context);
        chunks.add(Integer.toString(chunkNumber));
        context.putString(COUNTED_AHEAD, String.join(",", chunks));
    }

    /** Whether {@code chunkNumber} was counted ahead; it is forgotten either way. */
    static boolean takeCountedAhead(ExecutionContext context, int chunkNumber) {
        Set<String> chunks = countedAhead(context);
        boolean counted = chunks.remove(Integer.toString(chunkNumber));
        context.putString(COUNTED_AHEAD, String.join(",", chunks));
        return counted;
    }

    private static Set<String> countedAhead(ExecutionContext context) {
        String listed = context.getString(COUNTED_AHEAD, "");
        return listed.isEmpty() ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(listed.split(",")));
    }
}
