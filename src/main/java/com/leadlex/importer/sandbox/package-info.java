/**
 * A faithful LeadLex stand-in served by the application itself, for the demo and the tests; off
 * unless {@code leadlex.sandbox.enabled=true}.
 *
 * <p>It serves {@code POST /sandbox/v1/campaigns/{id}/contacts}, so the importer's client points
 * {@code leadlex.base-url} at {@code http://localhost:<port>/sandbox}. It honours the documented
 * contract: bearer keys with permissions, campaigns, dedupe (case-insensitive, answered in lower
 * case), the 500-ID cap, every documented error in LeadLex's order (401, 403, 429, 404, 400),
 * per-key quotas in fixed minute and UTC-day windows with {@code X-RateLimit-*} and
 * {@code Retry-After}, and an {@code X-Request-ID} on every answer. Latency, random 503s and
 * connections dropped before or after processing come from configuration
 * ({@link com.leadlex.importer.sandbox.SandboxProperties}); tests script faults, keys and campaigns
 * through {@link com.leadlex.importer.sandbox.SandboxLeadLex}, and compare what it really enrolled
 * and skipped per campaign with the importer's ledger.
 *
 * <p>Beyond LeadLex's documentation, and said so in the error body: a contact ID that is not a
 * canonical UUID is refused with 400 {@code invalid_contact_id}; other paths and methods under
 * {@code /sandbox} answer 404 {@code not_found} and 405 {@code method_not_allowed}.
 */
package com.leadlex.importer.sandbox;
