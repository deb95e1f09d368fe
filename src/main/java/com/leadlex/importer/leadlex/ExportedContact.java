package com.leadlex.importer.leadlex;

import java.time.Instant;

/**
 * One row of LeadLex's contacts export, reduced to what finding contacts by e-mail needs.
 *
 * @param id        the contact ID, canonical lower case
 * @param email     the address as LeadLex holds it (not normalized)
 * @param fullName  may be empty
 * @param createdAt when LeadLex created the contact: what the next incremental export starts from
 */
public record ExportedContact(String id, String email, String fullName, Instant createdAt) {
}
