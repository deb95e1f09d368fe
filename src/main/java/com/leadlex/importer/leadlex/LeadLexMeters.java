package com.leadlex.importer.leadlex;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The LeadLex-side meters: requests by HTTP status ({@code leadlex_requests_total}, status "none"
 * when no answer came), the contacts look-ups and creations among them by request
 * ({@code leadlex_contacts_requests_total}), 429s ({@code leadlex_rate_limited_total}), retries by reason, quota waits
 * ({@code leadlex_quota_waits_seconds}) and the configured key's quota left per window
 * ({@code leadlex_quota_remaining}, -1 when the window is unlimited and LeadLex said nothing).
 * The key appears only masked.
 */
@Component
public class LeadLexMeters implements LeadLexActivity {

    private final MeterRegistry registry;
    private final Counter rateLimited;
    private final Timer quotaWaits;
    private final Map<Integer, Counter> requestsByStatus = new ConcurrentHashMap<>();

    public LeadLexMeters(MeterRegistry registry, QuotaGateRegistry gates) {
        this.registry = registry;
        this.rateLimited = Counter.builder("leadlex.rate.limited").description("429 answers from LeadLex")
                .register(registry);
        this.quotaWaits = Timer.builder("leadlex.quota.waits")
                .description("Waits for the key's quota before a request went out").register(registry);
        gates.configuredKeyState().ifPresent(state -> {
            remaining(gates, state.key(), "minute");
            remaining(gates, state.key(), "day");
        });
    }

    @Override
    public void answered(String key, int status) {
        // kept per status: a registration per request builds and filters a meter ID each time
        requestsByStatus.computeIfAbsent(status, this::requestsCounter).increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    private Counter requestsCounter(int status) {
        return Counter.builder("leadlex.requests").description("Requests sent to LeadLex, by the status it answered")
                .tag("status", status == 0 ? "none" : Integer.toString(status)).register(registry);
    }

    @Override
    public void contactsRequestAnswered(ContactsRequestKind kind, int status) {
        Counter.builder("leadlex.contacts.requests")
                .description("Contacts look-ups (export, search) and creations sent to LeadLex, by request and status")
                .tag("request", kind.tag()).tag("status", status == 0 ? "none" : Integer.toString(status))
                .register(registry).increment();
    }

    @Override
    public void retrying(String reason) {
        Counter.builder("leadlex.retries").description("Requests retried, by reason").tag("reason", reason)
                .register(registry).increment();
    }

    @Override
    public void waitedForQuota(Duration wait) {
        quotaWaits.record(wait);
    }

    private void remaining(QuotaGateRegistry gates, String key, String window) {
        Gauge.builder("leadlex.quota.remaining", gates, registryOfGates -> left(registryOfGates, window))
                .description("Requests the configured key may still send in the window (-1: no limit known)")
                .tag("key", key).tag("window", window).register(registry);
        // the same value under the importer's own prefix, where the dashboards and alerts of issue 14 look
        Gauge.builder("importer.quota.requests.left", gates, registryOfGates -> left(registryOfGates, window))
                .description("Requests the configured key may still send in the window (-1: no limit known)")
                .tag("key", key).tag("window", window).register(registry);
    }

    private static double left(QuotaGateRegistry gates, String window) {
        QuotaState state = gates.configuredKeyState().orElse(null);
        Integer left = state == null ? null : window.equals("minute") ? state.leftThisMinute() : state.leftToday();
        return left == null ? -1 : left;
    }
}
