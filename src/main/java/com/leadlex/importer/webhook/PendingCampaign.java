package com.leadlex.importer.webhook;

import java.time.Instant;

/** A campaign with contact IDs waiting for a batch: how many, and since when the oldest waits. */
public record PendingCampaign(String campaignId, int pending, Instant oldestReceivedAt) {
}
