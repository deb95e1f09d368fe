package com.leadlex.importer.webhook.format;

import java.util.List;

/**
 * A webhook body read into records.
 *
 * @param deliveryId     the delivery ID the body names (Pipedrive's event ID, HubSpot event IDs...), or null
 * @param organizationId the sender's organization (Salesforce), or null
 * @param records        one per contact, event or notification
 */
public record ParsedPayload(String deliveryId, String organizationId, List<PayloadRecord> records) {

    public ParsedPayload {
        records = List.copyOf(records);
    }
}
