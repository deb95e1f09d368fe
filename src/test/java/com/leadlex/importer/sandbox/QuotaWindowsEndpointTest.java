package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.AddContactsEndpointTest.assertError;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Fixed quota windows over real HTTP, time moved by the {@link com.leadlex.importer.system.ManualClock}:
 * the starter plan's 10 a minute and 100 a day, their headers and the 429's Retry-After in seconds.
 */
class QuotaWindowsEndpointTest extends SandboxEndpointTestBase {

    private static final String STARTER = "wbk_sandbox_starter";
    private static final Instant NEXT_MINUTE = Instant.parse("2026-11-26T10:01:00Z");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void starterKeyGetsTenRequestsAMinuteThen429UntilTheNextMinute() {
        clock.set(Instant.parse("2026-11-26T10:00:15.500Z"));
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> response = send(STARTER);
            assertThat(response.statusCode()).isEqualTo(200);
            assertRateLimit(response, 10, 10 - i, NEXT_MINUTE);
        }

        HttpResponse<String> refused = send(STARTER);

        assertError(refused, 429, "rate_limited");
        assertRateLimit(refused, 10, 0, NEXT_MINUTE);
        assertThat(refused.headers().firstValue("Retry-After")).as("44.5 s, rounded up").hasValue("45");

        clock.set(Instant.parse("2026-11-26T10:00:59.999Z"));
        assertThat(send(STARTER).statusCode()).isEqualTo(429);

        clock.set(NEXT_MINUTE);
        HttpResponse<String> nextMinute = send(STARTER);
        assertThat(nextMinute.statusCode()).isEqualTo(200);
        assertRateLimit(nextMinute, 10, 9, Instant.parse("2026-11-26T10:02:00Z"));
    }

    @Test
    void refusedRequestsDoNotCount() {
        sendTimes(STARTER, 10);
        for (int i = 0; i < 5; i++) {
            assertThat(send(STARTER).statusCode()).isEqualTo(429);
        }

        clock.set(NEXT_MINUTE);

        assertThat(sendTimes(STARTER, 10)).as("a fresh minute allows 10 again").isEqualTo(10);
        assertThat(sandbox.receivedRequests()).hasSize(25);
    }

    @Test
    void starterKeyGetsAHundredRequestsADayThen429UntilMidnightUtc() {
        for (int minute = 0; minute < 10; minute++) {
            clock.set(SandboxTestClock.START.plus(Duration.ofMinutes(minute)));
            assertThat(sendTimes(STARTER, 10)).isEqualTo(10);
        }
        clock.set(Instant.parse("2026-11-26T10:30:00Z"));

        HttpResponse<String> refused = send(STARTER);

        assertError(refused, 429, "rate_limited");
        assertRateLimit(refused, 100, 0, MIDNIGHT);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue(Long.toString(13 * 3600 + 30 * 60));

        clock.set(Instant.parse("2026-11-26T23:59:59.250Z"));
        assertThat(send(STARTER).headers().firstValue("Retry-After")).hasValue("1");

        clock.set(MIDNIGHT);
        HttpResponse<String> nextDay = send(STARTER);
        assertThat(nextDay.statusCode()).isEqualTo(200);
        assertRateLimit(nextDay, 10, 9, MIDNIGHT.plus(Duration.ofMinutes(1)));
    }

    @Test
    void headersDescribeTheDayOnceItHasFewerRequestsLeftThanTheMinute() {
        for (int minute = 0; minute < 9; minute++) {
            clock.set(SandboxTestClock.START.plus(Duration.ofMinutes(minute)));
            sendTimes(STARTER, 10);
        }
        clock.set(Instant.parse("2026-11-26T10:09:00Z"));
        sendTimes(STARTER, 5);

        HttpResponse<String> response = send(STARTER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertRateLimit(response, 100, 4, MIDNIGHT);
    }

    @Test
    void everyAdmittedRequestCountsWhateverItsAnswer() {
        for (int i = 0; i < 10; i++) {
            assertError(http.addContacts(STARTER, "cmp_nowhere", randomIds(1)), 404, "campaign_not_found");
        }

        assertError(http.addContacts(STARTER, "cmp_nowhere", randomIds(1)), 429, "rate_limited");
        assertError(http.post(STARTER, "cmp_demo", "{}"), 429, "rate_limited");
    }

    @Test
    void eachPlanHasItsOwnLimitsAndKeysDoNotShareThem() {
        sendTimes(STARTER, 10);

        assertRateLimit(send("wbk_sandbox_pro"), 50, 49, NEXT_MINUTE);
        assertRateLimit(send("wbk_sandbox_org"), 200, 199, NEXT_MINUTE);
        assertThat(send(STARTER).statusCode()).isEqualTo(429);
    }

    @Test
    void resetForgetsTheCounts() {
        sendTimes(STARTER, 10);

        sandbox.reset();

        assertThat(send(STARTER).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String key) {
        return http.addContacts(key, "cmp_demo", randomIds(1));
    }

    private int sendTimes(String key, int times) {
        int ok = 0;
        for (int i = 0; i < times; i++) {
            ok += send(key).statusCode() == 200 ? 1 : 0;
        }
        return ok;
    }

    static void assertRateLimit(HttpResponse<String> response, int limit, int remaining, Instant reset) {
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue(Integer.toString(limit));
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(reset.getEpochSecond()));
    }
}
