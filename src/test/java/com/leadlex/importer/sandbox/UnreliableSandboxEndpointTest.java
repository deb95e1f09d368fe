package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.AddContactsEndpointTest.assertError;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.TestDirectories;

/** {@code latency} and {@code fault-rate}: a slow sandbox that fails every request with a 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "leadlex.sandbox.latency=150ms",
        "leadlex.sandbox.fault-rate=1.0" })
class UnreliableSandboxEndpointTest {

    @DynamicPropertySource
    static void ownDirectories(DynamicPropertyRegistry registry) throws IOException {
        TestDirectories.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxLeadLex sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void delaysAndFailsEveryRequestAtFullFaultRate() {
        SandboxHttp http = new SandboxHttp(port);
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();

            assertError(http.addContacts("wbk_sandbox_unmetered", "cmp_demo", randomIds(2)), 503, "service_unavailable");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
        assertThat(sandbox.enrolledCount("cmp_demo")).isZero();
    }

    @Test
    void queuedFaultsComeBeforeRandomOnes() {
        sandbox.failNext(1, ScriptedFault.status(502));

        assertError(new SandboxHttp(port).addContacts("wbk_sandbox_unmetered", "cmp_demo", randomIds(1)), 502,
                "service_unavailable");
    }
}
