package com.leadlex.importer.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One stored event as the read API shows it.
 *
 * @param campaignId      the campaign of its contacts, or null when they were for several
 * @param pendingContacts its contact IDs not yet in a batch
 * @param importIds       the imports that carry its contact IDs
 */
public record WebhookEventRecord(long id, String source, String deliveryId, WebhookFormat format,
        String campaignId, int contactCount, int invalidCount, Instant receivedAt, int pendingContacts,
        List<Long> importIds) {
}
