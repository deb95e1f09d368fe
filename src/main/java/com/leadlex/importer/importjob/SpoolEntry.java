package com.leadlex.importer.importjob;

/** One contact ID from the spool, with its spool line (1-based), which fixes its chunk. */
public record SpoolEntry(long line, String contactId) {
}
