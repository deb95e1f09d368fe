package com.leadlex.importer.webhook;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated, parsed event, ready to be stored.
 *
 * @param deliveryId what names this delivery across resends (unique per source)
 * @param bodySha256 hex SHA-256 of the raw body, to compare resends
 * @param records    its records, each with its valid, canonical contact IDs and its count of invalid values
 */
public record NewWebhookEvent(String sourceName, String deliveryId, WebhookFormat format, String bodySha256,
        List<ReceivedRecord> records) {

    public NewWebhookEvent {
        records = List.copyOf(records);
    }

    /** Every valid contact ID of the event, once each, in the order received. */
    public List<ContactReference> contacts() {
        Set<ContactReference> contacts = new LinkedHashSet<>();
        records.forEach(record -> contacts.addAll(record.contacts()));
        return List.copyOf(contacts);
    }

    /** Values found at the ID location that were not contact IDs. */
    public int invalidCount() {
        return records.stream().mapToInt(ReceivedRecord::invalidCount).sum();
    }

    /** The IDs of the records that have one. */
    public List<String> recordIds() {
        return records.stream().map(ReceivedRecord::recordId).filter(Objects::nonNull).distinct().toList();
    }

    /** This event without the records named {@code received} (stored by an earlier delivery). */
    public NewWebhookEvent without(Collection<String> received) {
        return new NewWebhookEvent(sourceName, deliveryId, format, bodySha256, records.stream()
                .filter(record -> record.recordId() == null || !received.contains(record.recordId())).toList());
    }

    /** The campaign, when every contact is for the same one; null otherwise. */
    public String singleCampaign() {
        List<String> campaigns = contacts().stream().map(ContactReference::campaignId).distinct().toList();
        return campaigns.size() == 1 ? campaigns.get(0) : null;
    }
}
