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
 * <p>The workspace also has contacts ({@link com.leadlex.importer.sandbox.SandboxContacts}, seeded by
 * {@link com.leadlex.importer.sandbox.SeededContacts} so the demo and the tests can name addresses that
 * exist) behind LeadLex's three contacts endpoints: {@code GET /sandbox/v1/contacts/export} (CSV, header
 * first, {@code limit} up to 50,000, {@code created_after} / {@code created_before}, and at most
 * {@code exports-per-hour} exports per clock hour for the workspace), {@code GET /sandbox/v1/contacts}
 * ({@code search}, {@code page}, {@code per_page} up to 100) and {@code POST /sandbox/v1/contacts/bulk}
 * (up to 500; an address already there is skipped silently, neither created nor returned). They need
 * {@code contacts:read} / {@code contacts:write}, count against the key's quota with the same headers,
 * take the same scripted faults, and are logged apart from enrollments
 * ({@link com.leadlex.importer.sandbox.ContactRequestLog}).
 *
 * <p>Beyond LeadLex's documentation, and said so in the error body: a contact ID that is not a
 * canonical UUID is refused with 400 {@code invalid_contact_id}, a query parameter the sandbox cannot
 * use with 400 {@code invalid_parameter}, a bulk element that is no contact with 400
 * {@code invalid_contact}; other paths and methods under {@code /sandbox} answer 404 {@code not_found}
 * and 405 {@code method_not_allowed}.
 */
package com.leadlex.importer.sandbox;
