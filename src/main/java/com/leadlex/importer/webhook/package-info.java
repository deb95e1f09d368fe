/**
 * CRM webhooks as a source: {@code POST /webhooks/{source}} verifies the caller, parses the CRM's
 * format into LeadLex contact IDs, and stores the event and its IDs in one transaction before it
 * answers; no LeadLex call is ever made on the request path. The stored IDs wait in their campaign's
 * pool ({@code pool}, shared with small lists), which {@code intake.PoolBatcher} groups into full
 * chunks (500, or fewer once the oldest has waited {@code importer.webhooks.max-wait}) and hands each
 * batch to {@link com.leadlex.importer.intake.ContactListIntake} like any other list.
 *
 * <p>Where to start reading: {@link com.leadlex.importer.webhook.WebhookController} (the
 * request path), {@link com.leadlex.importer.intake.PoolBatcher} (the batching), and
 * {@code db/migration/V3__webhook_events.sql} (the tables that make both durable). Sub-packages:
 * {@code auth} (one class per way a CRM proves who it is) and {@code format} (one parser per payload
 * shape).
 */
package com.leadlex.importer.webhook;
