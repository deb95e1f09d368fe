package com.leadlex.importer.webhook;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code importer_webhook_deliveries_without_ids_total{source}}: deliveries answered 202 that
 * brought no valid contact ID. The sender sees success, so this is where an alert finds a CRM
 * field mapped wrongly before anyone misses the contacts.
 */
@Component
class WebhookMeters {

    static final String WITHOUT_IDS = "importer.webhook.deliveries.without.ids";

    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void deliveryWithoutValidIds(String source) {
        Counter.builder(WITHOUT_IDS).description("Webhook deliveries accepted with no valid contact ID")
                .tag("source", source).register(registry).increment();
    }
}
