package com.leadlex.importer.webhook;

/** One contact an event brought, for one campaign: a row that waits in WEBHOOK_CONTACT until batched. */
public record ContactReference(String campaignId, String contactId) {
}
