package com.leadlex.importer.leadlex;

import java.time.Duration;

/** Builds {@link LeadLexProperties} for tests, starting from the defaults. */
class TestProperties {

    private String baseUrl;
    private String apiKey = "wbk_test_secret_key_9f3a";
    private LeadLexPlan plan;
    private Integer requestsPerMinute;
    private Integer requestsPerDay;
    private Duration maxWait;
    private Duration readTimeout;
    private Integer maxAttempts;
    private Integer maxRateLimitRetries;

    static TestProperties defaults() {
        return new TestProperties();
    }

    TestProperties baseUrl(String value) { baseUrl = value; return this; }

    TestProperties apiKey(String value) { apiKey = value; return this; }

    TestProperties plan(LeadLexPlan value) { plan = value; return this; }

    TestProperties requestsPerMinute(int value) { requestsPerMinute = value; return this; }

    TestProperties requestsPerDay(int value) { requestsPerDay = value; return this; }

    TestProperties maxWait(Duration value) { maxWait = value; return this; }

    TestProperties readTimeout(Duration value) { readTimeout = value; return this; }

    TestProperties maxAttempts(int value) { maxAttempts = value; return this; }

    TestProperties maxRateLimitRetries(int value) { maxRateLimitRetries = value; return this; }

    LeadLexProperties build() {
        return new LeadLexProperties(baseUrl, apiKey, plan, requestsPerMinute, requestsPerDay, maxWait,
                Duration.ofSeconds(2), readTimeout == null ? Duration.ofSeconds(5) : readTimeout, maxAttempts, null,
                null, maxRateLimitRetries);
    }
}
