package com.leadlex.importer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The benchmark's load: 2,000 full requests, a million contacts in one campaign. Each request must
 * cost the server well under 5 ms, or the sandbox, not the importer, would be what is measured.
 */
class AddContactsThroughputTest extends SandboxEndpointTestBase {

    private static final int REQUESTS = 2_000;
    private static final int CHUNK = 500;

    @Test
    void enrollsAMillionContactsInFullRequestsQuickly() {
        for (int i = 0; i < REQUESTS; i++) {
            int status = http.post("wbk_sandbox_unmetered", "cmp_test", body(i)).statusCode();
            assertThat(status).isEqualTo(200);
        }

        assertThat(sandbox.enrolledCount("cmp_test")).isEqualTo(REQUESTS * CHUNK);
        List<Duration> serverTimes = sandbox.receivedRequests().stream().map(ReceivedRequest::serverTime)
                .sorted().toList();
        assertThat(serverTimes).hasSize(REQUESTS);
        assertThat(serverTimes.get(REQUESTS / 2)).as("median server time").isLessThan(Duration.ofMillis(2));
        assertThat(serverTimes.get(REQUESTS * 90 / 100)).as("90th percentile").isLessThan(Duration.ofMillis(5));
    }

    /** 500 distinct, predictable IDs per request, written by hand: the test client must not be the bottleneck. */
    private static String body(int request) {
        StringBuilder json = new StringBuilder(CHUNK * 40 + 40).append("{\"contact_ids\":[");
        for (int i = 0; i < CHUNK; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(new UUID(request, i)).append('"');
        }
        return json.append("],\"source\":\"benchmark\"}").toString();
    }
}
