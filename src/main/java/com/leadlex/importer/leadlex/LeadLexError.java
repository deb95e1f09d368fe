package com.leadlex.importer.leadlex;

/**
 * Every way a LeadLex request can fail ("Add Contacts to Campaign", and the contacts export, search
 * and bulk creation that find or create contacts by e-mail), with what it means for the import and
 * what an operator should do about it.
 */
public enum LeadLexError {
    TOO_MANY_CONTACTS(400, "too_many_contacts", false,
            "The importer sent more than 500 IDs in one request: this is a bug, please report it"),
    MISSING_REQUIRED_FIELD(400, "missing_required_field", false,
            "The importer sent a request without contact IDs: this is a bug, please report it"),
    INVALID_KEY(401, "invalid_key", true,
            "The API key is invalid or expired: set LEADLEX_API_KEY to a valid key, then restart the import"),
    INSUFFICIENT_PERMISSIONS(403, "insufficient_permissions", true,
            "The API key lacks campaigns:write: create a key with that permission, then restart the import"),
    CAMPAIGN_NOT_FOUND(404, "campaign_not_found", true,
            "No campaign with this ID: check the campaign ID (folder name or --campaign)"),
    RATE_LIMITED(429, "rate_limited", false,
            "LeadLex kept refusing requests for exceeding the quota: lower leadlex.requests-per-minute or check the key's plan"),
    SERVER_ERROR(500, "server_error", false,
            "LeadLex kept failing: restart the import later; committed chunks are not sent again"),
    UNREACHABLE(0, "unreachable", false,
            "LeadLex could not be reached (timeout or connection failure): check leadlex.base-url and the network, then restart the import"),
    UNEXPECTED_RESPONSE(0, "unexpected_response", false,
            "LeadLex answered in a way the importer does not understand: check leadlex.base-url points at the LeadLex API"),
    CONTACTS_NOT_READABLE(403, "insufficient_permissions", true,
            "The API key lacks contacts:read, which finding contacts by e-mail needs (the contacts export and search): "
                    + "give the key that permission or put LeadLex contact IDs in the list, then restart the import"),
    CONTACTS_NOT_WRITABLE(403, "insufficient_permissions", true,
            "The API key lacks contacts:write, which creating the missing contacts needs: give the key that permission "
                    + "or turn importer.contacts.create-missing off, then restart the import"),
    CONTACTS_REFUSED(400, "contacts_refused", true,
            "LeadLex refused the contacts the importer asked it to create (its message names the field): fix that "
                    + "column in the list, or turn importer.contacts.create-missing off, then restart the import");

    private final int httpStatus;
    private final String code;
    private final boolean stopsImport;
    private final String action;

    LeadLexError(int httpStatus, String code, boolean stopsImport, String action) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.stopsImport = stopsImport;
        this.action = action;
    }

    /** The documented HTTP status, or 0 where none applies. */
    public int httpStatus() {
        return httpStatus;
    }

    /** LeadLex's {@code error.code}, or our own name for failures LeadLex did not describe. */
    public String code() {
        return code;
    }

    /** True when retrying cannot help and the whole import must stop at once (401, 403, 404). */
    public boolean stopsImport() {
        return stopsImport;
    }

    /** What an operator should do, in plain words. */
    public String action() {
        return action;
    }
}
