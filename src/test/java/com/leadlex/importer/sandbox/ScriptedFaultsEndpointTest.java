package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.AddContactsEndpointTest.assertError;
import static com.leadlex.importer.sandbox.SandboxHttp.json;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/** Faults a test queues for the next requests: error statuses, 429s, and delays that time clients out. */
class ScriptedFaultsEndpointTest extends SandboxEndpointTestBase {

    private static final String KEY = "wbk_sandbox_unmetered";

    @Test
    void answersQueuedErrorsThenBehavesAgain() {
        sandbox.failNext(2, ScriptedFault.status(503));
        sandbox.failNext(1, ScriptedFault.status(500));
        List<String> ids = randomIds(3);

        assertError(http.addContacts(KEY, "cmp_demo", ids), 503, "service_unavailable");
        assertError(http.addContacts(KEY, "cmp_demo", ids), 503, "service_unavailable");
        assertError(http.addContacts(KEY, "cmp_demo", ids), 500, "internal_error");
        assertThat(sandbox.enrolledCount("cmp_demo")).as("failed requests enroll nothing").isZero();

        HttpResponse<String> recovered = http.addContacts(KEY, "cmp_demo", ids);

        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(json(recovered).path("data").path("added").asInt()).isEqualTo(3);
        assertThat(sandbox.pendingFaults()).isZero();
        assertThat(sandbox.receivedRequests()).extracting(ReceivedRequest::status).containsExactly(503, 503, 500, 200);
    }

    @Test
    void answersScripted429sWithOrWithoutRetryAfter() {
        sandbox.failNext(1, ScriptedFault.rateLimited(Duration.ofSeconds(7)));
        sandbox.failNext(1, ScriptedFault.rateLimited("Thu, 26 Nov 2026 10:05:00 GMT"));
        sandbox.failNext(1, ScriptedFault.rateLimitedWithoutRetryAfter());

        HttpResponse<String> seconds = http.addContacts(KEY, "cmp_demo", randomIds(1));
        HttpResponse<String> date = http.addContacts(KEY, "cmp_demo", randomIds(1));
        HttpResponse<String> none = http.addContacts(KEY, "cmp_demo", randomIds(1));

        assertError(seconds, 429, "rate_limited");
        assertThat(seconds.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(date.headers().firstValue("Retry-After")).hasValue("Thu, 26 Nov 2026 10:05:00 GMT");
        assertError(none, 429, "rate_limited");
        assertThat(none.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void scriptedErrorsDoNotUseTheQuota() {
        sandbox.failNext(3, ScriptedFault.status(503));
        for (int i = 0; i < 3; i++) {
            http.addContacts("wbk_sandbox_starter", "cmp_demo", randomIds(1));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(http.addContacts("wbk_sandbox_starter", "cmp_demo", randomIds(1)).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aDelayTimesTheClientOutAfterTheContactsWereEnrolled() {
        List<String> ids = randomIds(4);
        sandbox.failNext(1, ScriptedFault.delay(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> http.post(KEY, "cmp_demo", body(ids), Duration.ofMillis(300)))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.enrolledCount("cmp_demo") == 4);

        HttpResponse<String> resent = http.addContacts(KEY, "cmp_demo", ids);

        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(json(resent).path("data").path("added").asInt()).isZero();
        assertThat(json(resent).path("data").path("skipped").asInt()).isEqualTo(4);
    }

    @Test
    void resetDropsQueuedFaults() {
        sandbox.failNext(5, ScriptedFault.status(503));

        sandbox.reset();

        assertThat(sandbox.pendingFaults()).isZero();
        assertThat(http.addContacts(KEY, "cmp_demo", randomIds(1)).statusCode()).isEqualTo(200);
    }

    private static String body(List<String> ids) {
        return "{\"contact_ids\": [\"" + String.join("\", \"", ids) + "\"]}";
    }
}
