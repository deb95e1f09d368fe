package com.leadlex.importer.staging;

/**
 * The list as a whole cannot be staged (empty, unknown format, no ID column, not decodable, ...).
 * The message says what is wrong and where, in words an operator can act on.
 */
public class ContactListRejectedException extends RuntimeException {

    public ContactListRejectedException(String message) {
        super(message);
    }

    public ContactListRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
