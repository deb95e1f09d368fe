package com.leadlex.importer.webhook.format;

import java.util.List;

/**
 * What one record of a payload (a contact, an event, a notification) holds for us, unvalidated.
 *
 * @param contactIds the raw values found at the source's ID location (none when the record has none)
 * @param campaignId the raw value at the campaign location, or null
 */
public record PayloadRecord(List<String> contactIds, String campaignId) {

    public PayloadRecord {
        contactIds = List.copyOf(contactIds);
    }
}
