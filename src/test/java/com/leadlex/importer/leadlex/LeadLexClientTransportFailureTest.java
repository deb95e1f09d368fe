package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No response at all: read timeouts and refused connections are retried, then reported as UNREACHABLE. */
class LeadLexClientTransportFailureTest {

    static final String KEY = LeadLexClientHttpTest.KEY;

    final CountDownLatch release = new CountDownLatch(1);
    ScriptedLeadLexServer server;
    CamelClientRig rig;

    @AfterEach
    void stop() {
        release.countDown();
        if (rig != null) {
            rig.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readTimeoutsAreRetriedThenUnreachable() throws Exception {
        server = new ScriptedLeadLexServer().thenHold(release).thenHold(release).thenHold(release);
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .readTimeout(Duration.ofMillis(200)).maxAttempts(3).build());

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> rig.client.addContacts("cmp_abc123", List.of("id-1"), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNREACHABLE);
        assertThat(thrown.attempts()).isEqualTo(3);
        assertThat(thrown.httpStatus()).isZero();
        assertThat(thrown.getMessage()).contains("3 attempts", "cmp_abc123");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.requestCount() == 3);
        LeadLexClientHttpTest.assertNoKey(thrown);
    }

    @Test
    void timeoutThenSuccessIsRetried() throws Exception {
        server = new ScriptedLeadLexServer().thenHold(release).then(200, LeadLexClientHttpTest.OK);
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY)
                .readTimeout(Duration.ofMillis(200)).build());

        ChunkResponse response = rig.client.addContacts("cmp_abc123", List.of("id-1"), null);

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(response.earlierAttemptMayHaveReached())
                .as("the timed-out attempt may have been processed: its skipped IDs may be its own").isTrue();
    }

    @Test
    void connectionRefusedIsRetriedThenUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        rig = new CamelClientRig(TestProperties.defaults().baseUrl("http://127.0.0.1:" + closedPort + "/sandbox")
                .apiKey(KEY).build());

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> rig.client.addContacts("cmp_abc123", List.of("id-1"), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNREACHABLE);
        assertThat(thrown.attempts()).isEqualTo(5);
        assertThat(thrown.getMessage()).contains("could not be reached", "leadlex.base-url");
        LeadLexClientHttpTest.assertNoKey(thrown);
    }
}
