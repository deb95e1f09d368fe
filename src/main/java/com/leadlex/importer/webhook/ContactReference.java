package com.leadlex.importer.webhook;

/**
 * One contact an event brought, for one campaign: a row that waits in WEBHOOK_CONTACT until batched.
 * Either its LeadLex ID or, for a record that carried an address instead, its e-mail address
 * (normalized), which the import resolves through the contact directory; the other is null.
 */
public record ContactReference(String campaignId, String contactId, String email) {

    public ContactReference {
        if ((contactId == null) == (email == null)) {
            throw new IllegalArgumentException("A contact is named by its ID or by its address, one of the two");
        }
    }

    public static ContactReference byId(String campaignId, String contactId) {
        return new ContactReference(campaignId, contactId, null);
    }

    public static ContactReference byEmail(String campaignId, String email) {
        return new ContactReference(campaignId, null, email);
    }
}
