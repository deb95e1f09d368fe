package com.leadlex.importer.leadlex;

/**
 * The three contacts requests that find or create contacts by e-mail, as named in logs and meters;
 * each costs one request of the key's quota, like an enrollment.
 */
public enum ContactsRequestKind {

    /** {@code GET /v1/contacts/export}: also limited per workspace and hour, apart from the key's quota. */
    EXPORT("contacts_export", "the contacts export"),
    /** {@code GET /v1/contacts?search=}. */
    SEARCH("contacts_search", "the contacts search"),
    /** {@code POST /v1/contacts/bulk}. */
    BULK_CREATE("contacts_bulk_create", "the bulk creation of contacts");

    private final String tag;
    private final String description;

    ContactsRequestKind(String tag, String description) {
        this.tag = tag;
        this.description = description;
    }

    /** The name in meters and logs. */
    public String tag() {
        return tag;
    }

    /** In words, for messages: "the contacts export". */
    public String description() {
        return description;
    }

    /** Whether a 429 may come from the request's own limit rather than the key's quota. */
    boolean hasOwnRateLimit() {
        return this == EXPORT;
    }
}
