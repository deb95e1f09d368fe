package com.leadlex.importer.leadlex;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Everything about talking to LeadLex that differs per machine or per contract: where the API is,
 * which key to use (from the environment: {@code LEADLEX_API_KEY}), the key's plan, and the bounds on
 * waiting and retrying. Defaults live here so the client behaves sensibly with no configuration.
 *
 * <p>{@code base-url} may hold placeholders that only exist once the application runs (the demo uses
 * {@code ${local.server.port}}); binding leaves them unresolved and {@link LeadLexBaseUrl} resolves them
 * at request time.
 *
 * @param requestsPerMinute explicit quota per minute, overriding the plan's (null: use the plan)
 * @param requestsPerDay    explicit quota per UTC day, overriding the plan's (null: use the plan)
 * @param maxWait           the longest a chunk may wait for quota before the import pauses instead
 * @param maxAttempts       attempts per chunk for 5xx, timeouts and connection failures
 * @param maxRateLimitRetries consecutive 429s tolerated for one chunk before giving up
 * @param maxInFlight       requests one import keeps in flight at once (each still waits for its quota
 *                          slot); 1 sends one at a time, more suit keys that allow it and a slow LeadLex
 */
@ConfigurationProperties("leadlex")
public record LeadLexProperties(
        String baseUrl,
        String apiKey,
        LeadLexPlan plan,
        Integer requestsPerMinute,
        Integer requestsPerDay,
        Duration maxWait,
        Duration connectTimeout,
        Duration readTimeout,
        Integer maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        Integer maxRateLimitRetries,
        Integer maxInFlight) {

    public static final String DEFAULT_BASE_URL = "https://data.leadlex.com/functions/v1/api-gateway";
    /** A window wider than this holds more threads and IDs than any key's quota pays back. */
    public static final int MAX_IN_FLIGHT = 32;

    @ConstructorBinding
    public LeadLexProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        plan = plan == null ? LeadLexPlan.UNMETERED : plan;
        maxWait = maxWait == null ? Duration.ofMinutes(2) : maxWait;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        backoffBase = backoffBase == null ? Duration.ofMillis(500) : backoffBase;
        backoffCap = backoffCap == null ? Duration.ofSeconds(30) : backoffCap;
        maxRateLimitRetries = maxRateLimitRetries == null ? 20 : Math.max(0, maxRateLimitRetries);
        maxInFlight = maxInFlight == null ? 1 : maxInFlight;
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("leadlex.max-in-flight must be between 1 and " + MAX_IN_FLIGHT
                    + ", but is " + maxInFlight);
        }
    }

    /** The settings before {@code max-in-flight} existed: one request in flight. */
    public LeadLexProperties(String baseUrl, String apiKey, LeadLexPlan plan, Integer requestsPerMinute,
            Integer requestsPerDay, Duration maxWait, Duration connectTimeout, Duration readTimeout,
            Integer maxAttempts, Duration backoffBase, Duration backoffCap, Integer maxRateLimitRetries) {
        this(baseUrl, apiKey, plan, requestsPerMinute, requestsPerDay, maxWait, connectTimeout, readTimeout,
                maxAttempts, backoffBase, backoffCap, maxRateLimitRetries, null);
    }

    /** Every setting at its default, with the given key: a starting point for tests and tools. */
    public static LeadLexProperties withApiKey(String apiKey) {
        return new LeadLexProperties(null, apiKey, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The quota to pace to: explicit per-minute / per-day values win over the plan's. */
    public QuotaLimits limits() {
        int perMinute = requestsPerMinute != null ? requestsPerMinute : plan.requestsPerMinute();
        int perDay = requestsPerDay != null ? requestsPerDay : plan.requestsPerDay();
        return new QuotaLimits(perMinute, perDay);
    }

    /** Never prints the API key, so the properties can be logged or shown safely. */
    @Override
    public String toString() {
        return "LeadLexProperties[baseUrl=" + baseUrl + ", apiKey=" + ApiKeyMask.mask(apiKey) + ", plan=" + plan
                + ", limits=" + limits() + ", maxWait=" + maxWait + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxAttempts=" + maxAttempts + ", backoffBase=" + backoffBase
                + ", backoffCap=" + backoffCap + ", maxRateLimitRetries=" + maxRateLimitRetries + ", maxInFlight="
                + maxInFlight + "]";
    }
}
