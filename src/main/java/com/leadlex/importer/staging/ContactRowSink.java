package com.leadlex.importer.staging;

/**
 * What a list reader emits: every data row, in source order, with the 1-based physical line where
 * it starts. Readers know the format; the sink knows what a valid ID or address is.
 */
interface ContactRowSink {

    /** A row that holds a candidate contact ID (not yet validated, untrimmed). */
    void accept(long line, String rawValue);

    /**
     * A row that holds no ID but a candidate e-mail address (not yet validated, untrimmed), and the
     * name the row gives the contact, or null.
     */
    void acceptEmail(long line, String rawEmail, String fullName);

    /** A row that cannot hold a contact ID at all, for a reason only the format knows. */
    void reject(long line, String rawValue, String reason);
}
