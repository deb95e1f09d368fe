package com.leadlex.importer.leadlex;

import java.util.List;

/**
 * What a bulk creation answered: the contacts it created. An address LeadLex already had is not
 * created and, as its docs leave open, may not be returned at all: look such addresses up again.
 *
 * @param created   {@code data.created}
 * @param contacts  the created contacts ({@code data.contacts[]})
 * @param requestId LeadLex's {@code X-Request-ID}, or null
 * @param attempts  HTTP requests the creation took (a retry after no answer may find its contacts made)
 */
public record CreatedContacts(int created, List<FoundContact> contacts, String requestId, int attempts) {

    public CreatedContacts {
        contacts = List.copyOf(contacts);
    }
}
