package com.leadlex.importer.sandbox;

import java.util.List;

/** One element of a bulk-create body, as read: the address is required, the rest optional. */
public record NewSandboxContact(String fullName, String email, String phone, String jobTitle, String companyName,
        String linkedinUrl, List<String> tags) {

    /** A contact with an address and a name only. */
    public static NewSandboxContact of(String fullName, String email) {
        return new NewSandboxContact(fullName, email, null, null, null, null, null);
    }
}
