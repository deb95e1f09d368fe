package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.AddContactsEndpointTest.assertError;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.TestDirectories;

/** {@code retry-after=none}: a 429 says nothing about when to come back but its rate-limit headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "leadlex.sandbox.retry-after=none",
        "spring.main.allow-bean-definition-overriding=true" })
@Import(SandboxTestClock.class)
class RetryAfterOmittedEndpointTest {

    @DynamicPropertySource
    static void ownDirectories(DynamicPropertyRegistry registry) throws IOException {
        TestDirectories.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SandboxLeadLex sandbox;

    @Autowired
    ManualClock clock;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        clock.set(SandboxTestClock.START);
    }

    @Test
    void answers429WithoutRetryAfter() {
        SandboxHttp http = new SandboxHttp(port);
        for (int i = 0; i < 10; i++) {
            http.addContacts("wbk_sandbox_starter", "cmp_demo", randomIds(1));
        }

        HttpResponse<String> refused = http.addContacts("wbk_sandbox_starter", "cmp_demo", randomIds(1));

        assertError(refused, 429, "rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
        QuotaWindowsEndpointTest.assertRateLimit(refused, 10, 0, Instant.parse("2026-11-26T10:01:00Z"));
    }
}
