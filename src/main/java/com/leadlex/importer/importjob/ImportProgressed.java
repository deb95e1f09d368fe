package com.leadlex.importer.importjob;

/**
 * An application event: an import's execution began ({@code idsSent} 0), or one of its chunks was
 * booked with {@code idsSent} IDs. For whoever follows an import as it runs in this process, such as
 * the command line's progress line; published in the import's thread, so listeners must be quick.
 */
public record ImportProgressed(long importId, int idsSent) {
}
