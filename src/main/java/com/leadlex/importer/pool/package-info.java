/**
 * The per-campaign pool of pending contact IDs, shared by webhooks and small lists, so that a
 * request to LeadLex carries a full chunk instead of one event's or one small list's few IDs. Webhook
 * events put their IDs in it as they are stored; a list from a folder, SFTP or scheduled source with
 * fewer valid IDs than {@code importer.pool.below} keeps its own import (status POOLED, own results
 * and source tag) and puts its IDs in it through {@link com.leadlex.importer.pool.SmallListPool}. The
 * poller in {@code intake} ({@code PoolBatcher}) claims a campaign's pending IDs as a batch once 500
 * wait or the oldest has waited its max-wait, and launches it as one (pooled) import;
 * {@link com.leadlex.importer.pool.PooledListFollower} then makes each list's import follow that
 * one's end, with a results file saying which pooled import, chunk and request carried each ID.
 *
 * <p>Tables: WEBHOOK_CONTACT (the pending IDs, from an event or a list) and WEBHOOK_BATCH (the
 * batches and the import each became), migrations V3 and V15. Below {@code intake}, above the job,
 * the ledger and staging.
 */
package com.leadlex.importer.pool;
