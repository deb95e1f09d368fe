package com.leadlex.importer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The benchmark's load: 2,000 full requests, a million contacts in one campaign, all enrolled and
 * logged. How fast the sandbox answers is a benchmark's business (it prints figures); a timed
 * assertion here would fail on a busy machine, so this test checks only that nothing is lost.
 */
class AddContactsAtScaleTest extends SandboxEndpointTestBase {

    private static final int REQUESTS = 2_000;
    private static final int CHUNK = 500;

    @Test
    void enrollsAMillionContactsInFullRequests() {
        for (int i = 0; i < REQUESTS; i++) {
            int status = http.post("wbk_sandbox_unmetered", "cmp_test", body(i)).statusCode();
            assertThat(status).isEqualTo(200);
        }

        assertThat(sandbox.enrolledCount("cmp_test")).isEqualTo(REQUESTS * CHUNK);
        List<ReceivedRequest> received = sandbox.receivedRequests();
        assertThat(received).hasSize(REQUESTS).allSatisfy(request -> {
            assertThat(request.contactCount()).isEqualTo(CHUNK);
            assertThat(request.status()).isEqualTo(200);
        });
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
