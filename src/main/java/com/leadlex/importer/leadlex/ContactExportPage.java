package com.leadlex.importer.leadlex;

import java.time.Instant;
import java.util.List;

/**
 * What one call of the contacts export brought.
 *
 * @param contacts  the rows that carry an e-mail address, in the export's order
 * @param rows      every data row, those without an address too: when it reaches the query's limit,
 *                  there may be more to fetch
 * @param newestCreatedAt the latest {@code created_at} of all rows (those without an address too), or null
 *                  when there were none: where the next page starts
 * @param requestId LeadLex's {@code X-Request-ID}, or null
 */
public record ContactExportPage(List<ExportedContact> contacts, int rows, Instant newestCreatedAt, String requestId) {

    public ContactExportPage {
        contacts = List.copyOf(contacts);
    }

    /** Whether the export stopped at the limit asked for, so later contacts may be left. */
    public boolean full(ContactExportQuery query) {
        return rows >= query.limit();
    }
}
