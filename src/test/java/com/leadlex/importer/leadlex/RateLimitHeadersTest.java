package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading X-RateLimit-* and Retry-After (RFC 9110 §10.2.3: delta-seconds or HTTP-date). */
class RateLimitHeadersTest {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void retryAfterInSeconds() {
        assertThat(RateLimitHeaders.retryAfter("120", NOW)).isEqualTo(NOW.plusSeconds(120));
        assertThat(RateLimitHeaders.retryAfter(" 0 ", NOW)).isEqualTo(NOW);
    }

    @Test
    void retryAfterAsHttpDate() {
        assertThat(RateLimitHeaders.retryAfter("Thu, 26 Nov 2026 10:05:00 GMT", NOW))
                .isEqualTo(Instant.parse("2026-11-26T10:05:00Z"));
        assertThat(RateLimitHeaders.retryAfter("Thu, 26 Nov 2026 09:00:00 GMT", NOW)).isEqualTo(NOW);
    }

    @Test
    void unreadableRetryAfterIsNoHint() {
        assertThat(RateLimitHeaders.retryAfter("soon", NOW)).isNull();
        assertThat(RateLimitHeaders.retryAfter("-5", NOW)).isNull();
        assertThat(RateLimitHeaders.retryAfter(null, NOW)).isNull();
    }

    @Test
    void rateLimitHeadersAreReadCaseInsensitively() {
        HttpReply reply = new HttpReply(200, "", Map.of("x-ratelimit-limit", "50", "X-RATELIMIT-REMAINING", "0",
                "X-RateLimit-Reset", "1795687260"));

        RateLimitHeaders headers = RateLimitHeaders.of(reply, NOW);

        assertThat(headers).isEqualTo(new RateLimitHeaders(50, 0, Instant.ofEpochSecond(1795687260L), null));
        assertThat(headers.exhaustedAt(NOW)).isTrue();
        assertThat(headers.exhaustedAt(Instant.ofEpochSecond(1795687260L))).isFalse();
    }
}
