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

/**
 * Configured keys replace the built-in ones, configured campaigns join the built-in ones, and
 * {@code retry-after=http-date} sends the window's reset as an IMF-fixdate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "leadlex.sandbox.enabled=true",
        "leadlex.sandbox.retry-after=http-date",
        "leadlex.sandbox.keys[0].key=wbk_custom_tiny_plan",
        "leadlex.sandbox.keys[0].permissions=campaigns:read,campaigns:write",
        "leadlex.sandbox.keys[0].requests-per-minute=2",
        "leadlex.sandbox.keys[1].key=wbk_custom_daily_plan",
        "leadlex.sandbox.keys[1].permissions=campaigns:write",
        "leadlex.sandbox.keys[1].requests-per-day=1",
        "leadlex.sandbox.campaigns=cmp_configured,cmp_other",
        "spring.main.allow-bean-definition-overriding=true" })
@Import(SandboxTestClock.class)
class ConfiguredSandboxEndpointTest {

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

    SandboxHttp http;

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
        clock.set(Instant.parse("2026-12-05T08:30:20Z"));
        http = new SandboxHttp(port);
    }

    @Test
    void configuredKeysReplaceTheBuiltInOnes() {
        assertError(http.addContacts("wbk_sandbox_unmetered", "cmp_demo", randomIds(1)), 401, "invalid_key");
        assertThat(http.addContacts("wbk_custom_tiny_plan", "cmp_demo", randomIds(1)).statusCode()).isEqualTo(200);
    }

    @Test
    void configuredCampaignsExistBesideTheBuiltInOnes() {
        for (String campaign : new String[] { "cmp_configured", "cmp_other", "cmp_demo", "cmp_abc123", "cmp_test" }) {
            assertThat(http.addContacts("wbk_custom_tiny_plan", campaign, randomIds(1)).statusCode())
                    .as(campaign).isEqualTo(200);
            clock.set(clock.instant().plusSeconds(60));
        }
    }

    @Test
    void sendsRetryAfterAsAnHttpDateForTheMinuteWindow() {
        http.addContacts("wbk_custom_tiny_plan", "cmp_configured", randomIds(1));
        http.addContacts("wbk_custom_tiny_plan", "cmp_configured", randomIds(1));

        HttpResponse<String> refused = http.addContacts("wbk_custom_tiny_plan", "cmp_configured", randomIds(1));

        assertError(refused, 429, "rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("Sat, 05 Dec 2026 08:31:00 GMT");
    }

    @Test
    void sendsRetryAfterAsAnHttpDateForTheDayWindow() {
        HttpResponse<String> admitted = http.addContacts("wbk_custom_daily_plan", "cmp_configured", randomIds(1));
        HttpResponse<String> refused = http.addContacts("wbk_custom_daily_plan", "cmp_configured", randomIds(1));

        QuotaWindowsEndpointTest.assertRateLimit(admitted, 1, 0, Instant.parse("2026-12-06T00:00:00Z"));
        assertError(refused, 429, "rate_limited");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("Sun, 06 Dec 2026 00:00:00 GMT");
    }
}
