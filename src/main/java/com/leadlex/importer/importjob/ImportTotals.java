package com.leadlex.importer.importjob;

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

    static void add(ExecutionContext context, String key, long amount) {
        context.putLong(key, context.getLong(key, 0) + amount);
    }
}
