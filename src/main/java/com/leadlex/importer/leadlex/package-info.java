/**
 * The LeadLex API client: requests, error types, retries and the per-key quota gate.
 *
 * <p>{@link com.leadlex.importer.leadlex.LeadLexClient} is the entry point: it validates a chunk, waits for
 * the key's {@link com.leadlex.importer.leadlex.QuotaGate}, sends through the Camel route
 * {@code send-contact-chunk} (camel-http, with HttpClient's own retries off) and maps the answer to a
 * {@link com.leadlex.importer.leadlex.ChunkResponse} or a {@link com.leadlex.importer.leadlex.LeadLexException}.
 * The gate keeps what each key used per minute and per UTC day, and LeadLex's last word on it, in the
 * database ({@link com.leadlex.importer.leadlex.QuotaUsageRepository}) and reserves there under the key's
 * row lock, so the quota outlives the process and is one quota for every node on the database.
 * {@link com.leadlex.importer.leadlex.LeadLexContactsClient} makes the contacts requests that finding contacts
 * by e-mail needs (export, search, bulk creation) the same way, through the same route and the same gate
 * ({@link com.leadlex.importer.leadlex.LeadLexRequestSender}), and counts them apart in its meters.
 * Configuration is {@code leadlex.*} ({@link com.leadlex.importer.leadlex.LeadLexProperties}). Its meters and
 * its health contributor ({@link com.leadlex.importer.leadlex.LeadLexHealthIndicator}) report LeadLex as last
 * seen; they never call it.
 */
package com.leadlex.importer.leadlex;
