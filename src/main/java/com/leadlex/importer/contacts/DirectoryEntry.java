package com.leadlex.importer.contacts;

import java.time.Instant;

/**
 * One address the directory knows.
 *
 * @param email     normalized (trimmed, lower case)
 * @param contactId the LeadLex contact ID, lower case
 * @param source    how it was learnt
 * @param createdAt LeadLex's creation time of the contact, when known
 * @param seenAt    when the importer last saw the address with this contact
 */
public record DirectoryEntry(String email, String contactId, DirectorySource source, Instant createdAt,
        Instant seenAt) {
}
