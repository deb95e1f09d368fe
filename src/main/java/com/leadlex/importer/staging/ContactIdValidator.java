package com.leadlex.importer.staging;

/**
 * Decides whether a raw value is a contact ID and, when it is not, says why in the words that end
 * up in {@code rejects.csv}; also the reasons an e-mail row is refused.
 */
final class ContactIdValidator {

    static final String EMPTY = "empty contact ID";
    static final String NOT_A_UUID = "not a UUID";
    /** An address that is not one mail systems accept ({@link EmailAddresses#isValid}). */
    static final String INVALID_EMAIL = "invalid_email";
    static final String EMPTY_EMAIL = "empty e-mail";
    /** A row of a list with both columns whose ID and address are both empty. */
    static final String EMPTY_ROW = "no contact ID and no e-mail";

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
