package com.leadlex.importer.leadlex;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * What Apache HttpClient leaves out for LeadLex (the configurer of the LeadLex endpoints' own camel-http
 * component, {@link SendContactChunkRoute#COMPONENT}, so other http routes stay as configured):
 * <ul>
 * <li>its own retries and redirects: HttpClient 5.5 re-sends a request on 429/503 by itself, sleeping for
 * the server's Retry-After (CAMEL-23345), so a {@code Retry-After: 3600} would hold an import thread for an
 * hour, and every hidden retry costs quota. Retries belong to {@link LeadLexClient} and its
 * {@link QuotaGate}, where they are bounded and visible;</li>
 * <li>cookies, cached authentication and per-connection user state: LeadLex authenticates every request
 * with its bearer key and sets no cookie, and on the send path, where a request goes out every
 * millisecond against a fast LeadLex, each of these interceptors costs time for nothing.</li>
 * </ul>
 */
public class LeadLexHttpClientConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.disableRedirectHandling();
        clientBuilder.disableCookieManagement();
        clientBuilder.disableAuthCaching();
        clientBuilder.disableConnectionState();
    }
}
