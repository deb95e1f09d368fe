package com.leadlex.importer.webhook.format;

import java.util.List;

/**
 * What one record of a payload (a contact, an event, a notification) holds for us, unvalidated.
 *
 * @param contactIds the raw values found at the source's ID location (none when the record has none)
 * @param emails     the raw addresses found at the source's e-mail location: what identifies the contact
 *                   when the record has no ID
 * @param campaignId the raw value at the campaign location, or null
 * @param recordId   the ID the sender gives this record and keeps when it retries it (HubSpot's event ID,
 *                   Salesforce's notification ID, Pipedrive's meta ID), prefixed by its kind; null when
 *                   the format has none. Retries are recognised per record by it, so a retried envelope
 *                   that also carries a new record stores only the new one.
 */
public record PayloadRecord(List<String> contactIds, List<String> emails, String campaignId, String recordId) {

    public PayloadRecord {
        contactIds = List.copyOf(contactIds);
        emails = List.copyOf(emails);
    }

    /** A record without addresses. */
    public PayloadRecord(List<String> contactIds, String campaignId, String recordId) {
        this(contactIds, List.of(), campaignId, recordId);
    }

    /** A record its sender gives no ID of its own, without addresses. */
    public PayloadRecord(List<String> contactIds, String campaignId) {
        this(contactIds, List.of(), campaignId, null);
    }
}
