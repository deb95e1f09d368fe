package com.leadlex.importer.leadlex;

/**
 * A contact to create: its address (LeadLex detects duplicates by it) and, when the list has one, its
 * name; no name is sent rather than one made up.
 */
public record NewContact(String email, String fullName) {

    public NewContact {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("A contact to create needs an e-mail address");
        }
        fullName = fullName == null || fullName.isBlank() ? null : fullName.strip();
    }
}
