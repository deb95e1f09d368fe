package com.leadlex.importer.leadlex;

/**
 * A contact as LeadLex's search or bulk creation names it.
 *
 * @param id       the contact ID, canonical lower case
 * @param email    the address as LeadLex holds it
 * @param fullName may be empty
 */
public record FoundContact(String id, String email, String fullName) {
}
