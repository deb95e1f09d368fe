package com.leadlex.importer.leadlex;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Turns off Apache HttpClient's own retries for the LeadLex endpoint only. HttpClient 5.5 re-sends a
 * request on 429/503 by itself, sleeping for the server's Retry-After (CAMEL-23345): a
 * {@code Retry-After: 3600} would hold an import thread for an hour, and every hidden retry costs quota.
 * Retries belong to {@link LeadLexClient} and its {@link QuotaGate}, where they are bounded and visible.
 * Applied per endpoint (camel-http's {@code httpClientConfigurer} endpoint option) rather than via the
 * component-wide {@code automaticRetriesDisabled}, so other http routes are left as configured.
 */
public class AutomaticRetriesDisabledConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.disableRedirectHandling();
    }
}
