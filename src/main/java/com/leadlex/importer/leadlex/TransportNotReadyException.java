package com.leadlex.importer.leadlex;

/**
 * The importer itself could not send: Camel has not started yet, or is stopping. This says nothing
 * about LeadLex or the chunk, so it is never a reason to fail an import: the caller pauses it
 * briefly and it goes on once the importer is up again (after a restart, if it was stopping).
 */
public class TransportNotReadyException extends RuntimeException {

    private final boolean mayHaveBeenSent;

    public TransportNotReadyException(String message, boolean mayHaveBeenSent) {
        super(message);
        this.mayHaveBeenSent = mayHaveBeenSent;
    }

    /** True when the request had gone out before the failure, so LeadLex may have processed it. */
    public boolean mayHaveBeenSent() {
        return mayHaveBeenSent;
    }
}
