package com.leadlex.importer.staging;

/**
 * Decides whether a raw value is a contact ID and, when it is not, says why in the words that end
 * up in {@code rejects.csv}.
 */
final class ContactIdValidator {

    static final String EMPTY = "empty contact ID";
    static final String NOT_A_UUID = "not a UUID";

    private ContactIdValidator() {
    }

    /** The ID held by {@code raw} (surrounding whitespace ignored, either case), or null. */
    static ContactId parseOrNull(String raw) {
        return ContactId.parseOrNull(raw.strip());
    }

    /** Why {@code raw} was not accepted by {@link #parseOrNull}. */
    static String rejectionReason(String raw) {
        return raw.isBlank() ? EMPTY : NOT_A_UUID;
    }
}
