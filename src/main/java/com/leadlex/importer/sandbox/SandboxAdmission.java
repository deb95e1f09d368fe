package com.leadlex.importer.sandbox;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.http.HttpHeaders;

import com.leadlex.importer.sandbox.QuotaWindows.QuotaDecision;
import com.leadlex.importer.sandbox.SandboxProperties.Key;

/**
 * The first checks of every sandbox request, in LeadLex's order: the key (401), its permission (403),
 * then the key's quota (429, with {@code Retry-After}). A request refused for its permission still
 * counts against the quota, as LeadLex counts it; one refused for the quota does not.
 */
final class SandboxAdmission {

    private final SandboxKeys keys;
    private final QuotaWindows quotas;
    private final RetryAfterMode retryAfter;

    SandboxAdmission(SandboxKeys keys, QuotaWindows quotas, RetryAfterMode retryAfter) {
        this.keys = keys;
        this.quotas = quotas;
        this.retryAfter = retryAfter;
    }

    /**
     * @param permitted  whether the key may use the endpoint
     * @param refusal403 what a key without that permission is told
     */
    Admission admit(String token, Predicate<Key> permitted, SandboxError refusal403, Instant now) {
        Optional<Key> found = keys.find(token);
        if (found.isEmpty()) {
            return Admission.refused(SandboxAnswer.error(SandboxError.invalidKey(token == null
                    ? "Missing API key: send Authorization: Bearer wbk_…"
                    : "Invalid, expired or revoked API key " + KeyMask.mask(token)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        Key key = found.get();
        boolean allowed = permitted.test(key);
        QuotaDecision quota = quotas.admit(key, allowed, now);
        if (!allowed) {
            return Admission.refused(SandboxAnswer.error(refusal403).rateLimit(quota));
        }
        if (!quota.allowed()) {
            return Admission.refused(SandboxAnswer.error(SandboxError.rateLimited()).rateLimit(quota)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter.headerValue(now, quota.reset())));
        }
        return new Admission(key, quota, null);
    }

    /** Either an admitted key with its quota decision (for the headers), or the refusal to answer. */
    record Admission(Key key, QuotaDecision quota, SandboxAnswer refusal) {

        static Admission refused(SandboxAnswer refusal) {
            return new Admission(null, null, refusal);
        }

        boolean admitted() {
            return refusal == null;
        }
    }
}
