package com.leadlex.importer.contacts;

import java.time.Instant;

/**
 * The directory cannot be refreshed before {@link #until()}, further away than the caller may wait
 * (the export's hourly limit is used, LeadLex said Retry-After, or another node's refresh runs): the
 * import that needs it should pause until then rather than call its addresses unknown.
 */
public class DirectoryRefreshDeferredException extends RuntimeException {

    private final Instant until;

    public DirectoryRefreshDeferredException(Instant until, String message) {
        super(message);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
