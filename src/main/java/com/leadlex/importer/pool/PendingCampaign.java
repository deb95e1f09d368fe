package com.leadlex.importer.pool;

import java.time.Instant;

/**
 * A campaign with contact IDs waiting in its pool: how many, and since when the oldest of each kind
 * waits (a webhook's and a small list's may wait for different times).
 *
 * @param oldestFromWebhook when the oldest pending ID a webhook brought arrived; null when none waits
 * @param oldestFromList    when the oldest pending ID of a small list arrived; null when none waits
 */
public record PendingCampaign(String campaignId, int pending, Instant oldestFromWebhook, Instant oldestFromList) {
}
