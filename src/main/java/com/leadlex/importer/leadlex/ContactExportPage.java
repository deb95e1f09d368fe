package com.leadlex.importer.leadlex;

import java.util.List;

/**
 * What one call of the contacts export brought.
 *
 * @param contacts  the rows that carry an e-mail address, in the export's order
 * @param rows      every data row, those without an address too: when it reaches the query's limit,
 *                  there may be more to fetch
 * @param requestId LeadLex's {@code X-Request-ID}, or null
 */
public record ContactExportPage(List<ExportedContact> contacts, int rows, String requestId) {

    public ContactExportPage {
        contacts = List.copyOf(contacts);
    }

    /** Whether the export stopped at the limit asked for, so later contacts may be left. */
    public boolean full(ContactExportQuery query) {
        return rows >= query.limit();
    }
}
