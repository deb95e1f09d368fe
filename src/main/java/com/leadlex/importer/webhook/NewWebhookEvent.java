package com.leadlex.importer.webhook;

import java.util.List;

/**
 * An authenticated, parsed event, ready to be stored.
 *
 * @param deliveryId   what names this delivery across resends (unique per source)
 * @param bodySha256   hex SHA-256 of the raw body, to compare resends
 * @param contacts     valid, canonical contact IDs with their campaigns
 * @param invalidCount values found at the ID location that were not contact IDs
 */
public record NewWebhookEvent(String sourceName, String deliveryId, WebhookFormat format, String bodySha256,
        List<ContactReference> contacts, int invalidCount) {

    public NewWebhookEvent {
        contacts = List.copyOf(contacts);
    }

    /** The campaign, when every contact is for the same one; null otherwise. */
    public String singleCampaign() {
        List<String> campaigns = contacts.stream().map(ContactReference::campaignId).distinct().toList();
        return campaigns.size() == 1 ? campaigns.get(0) : null;
    }
}
