package com.leadlex.importer.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One contact of the sandbox's workspace, with the fields LeadLex's contacts export lists.
 *
 * @param id        the contact ID LeadLex would hand out
 * @param fullName  may be empty
 * @param email     as given when the contact was created (duplicate detection compares {@link #emailKey()})
 * @param createdAt when the contact was created: what {@code created_after} / {@code created_before} select on
 */
public record SandboxContact(UUID id, String fullName, String email, String phone, String jobTitle,
        String companyName, String linkedinUrl, List<String> tags, Instant createdAt) {

    public SandboxContact {
        fullName = fullName == null ? "" : fullName;
        phone = phone == null ? "" : phone;
        jobTitle = jobTitle == null ? "" : jobTitle;
        companyName = companyName == null ? "" : companyName;
        linkedinUrl = linkedinUrl == null ? "" : linkedinUrl;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The address as duplicate detection sees it: trimmed, lower case. */
    public String emailKey() {
        return emailKey(email);
    }

    static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
