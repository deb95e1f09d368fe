package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.pool.PooledContactRepository;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * Stops the whole application while webhook contact IDs are pending, or right after a poller
 * claimed a batch but before it launched the import (what a crash there leaves), and starts a new
 * one on the same data directory: every ID is imported afterwards, once.
 */
class WebhookRestartEndToEndTest {

    private static final String SECRET = "restart-test-secret";

    private final ManualClock clock = new ManualClock(ManualTimeConfiguration.START);

    @TempDir
    Path workDir;

    @Test
    void contactIdsPendingWhenTheApplicationStoppedAreAllImportedAfterTheRestart() {
        List<String> ids = ids(300);
        try (ConfigurableApplicationContext first = start()) {
            WebhookHttp http = http(first);
            for (int i = 0; i < 3; i++) {
                String body = WebhookHttp.genericBody("cmp_wh_restart", ids.subList(i * 100, i * 100 + 100));
                assertThat(http.post("/webhooks/signed-json", body, headers("restart-" + i, body)).statusCode())
                        .isEqualTo(202);
            }
            assertThat(pending(first, "cmp_wh_restart")).isEqualTo(300);
            assertThat(first.getBean(SandboxLeadLex.class).receivedRequests()).isEmpty();
        }

        clock.advance(Duration.ofSeconds(61));
        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> importOf(second, "cmp_wh_restart")
                    .map(i -> i.status() == ImportStatus.COMPLETED).orElse(false));
            SandboxLeadLex sandbox = second.getBean(SandboxLeadLex.class);
            assertThat(sandbox.receivedRequests()).extracting(ReceivedRequest::contactCount).containsExactly(300);
            assertThat(ids).allMatch(id -> sandbox.isEnrolled("cmp_wh_restart", id));
            assertThat(pending(second, "cmp_wh_restart")).isZero();
        }
    }

    @Test
    void aBatchClaimedButNeverLaunchedBeforeACrashIsLaunchedAfterTheRestart() {
        List<String> ids = ids(2);
        try (ConfigurableApplicationContext first = start()) {
            String body = WebhookHttp.genericBody("cmp_wh_claimed", ids);
            assertThat(http(first).post("/webhooks/signed-json", body, headers("claimed-1", body)).statusCode())
                    .isEqualTo(202);
            // What a crash between the claim's commit and the launch leaves: a CLAIMED batch, no import.
            assertThat(first.getBean(PooledContactRepository.class).claim("cmp_wh_claimed", 500, 1)).isPresent();
        }

        clock.advance(Duration.ofMinutes(3));
        try (ConfigurableApplicationContext second = start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> importOf(second, "cmp_wh_claimed")
                    .map(i -> i.status() == ImportStatus.COMPLETED).orElse(false));
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests())
                    .extracting(ReceivedRequest::contactCount).containsExactly(2);
            assertThat(second.getBean(JdbcTemplate.class).queryForList(
                    "SELECT STATUS FROM WEBHOOK_BATCH WHERE CAMPAIGN_ID = 'cmp_wh_claimed'", String.class))
                    .containsExactly("LAUNCHED");
        }
    }

    private ConfigurableApplicationContext start() {
        return StandaloneImporter.start(workDir, clock,
                "--leadlex.sandbox.campaigns=cmp_wh_restart,cmp_wh_claimed",
                "--leadlex.api-key=wbk_sandbox_pro",
                "--leadlex.plan=pro",
                "--importer.webhooks.poll-interval=100ms",
                "--importer.webhooks.max-wait=60s",
                "--importer.webhooks.claim-lease=2m",
                "--importer.webhooks.sources.signed-json.format=generic-json",
                "--importer.webhooks.sources.signed-json.auth=body-hmac",
                "--importer.webhooks.sources.signed-json.secret=" + SECRET,
                "--importer.webhooks.sources.signed-json.delivery-id-header=X-Delivery-Id");
    }

    private static WebhookHttp http(ConfigurableApplicationContext context) {
        return new WebhookHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    private static String[] headers(String deliveryId, String body) {
        return new String[] {"Content-Type", "application/json", "X-Delivery-Id", deliveryId,
            "X-LeadLex-Signature", IndependentSigner.bodyHmac(SECRET, body)};
    }

    private static int pending(ConfigurableApplicationContext context, String campaign) {
        return context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = ? AND BATCH_ID IS NULL", Integer.class, campaign);
    }

    private static java.util.Optional<ImportRecord> importOf(ConfigurableApplicationContext context, String campaign) {
        List<Long> importIds = context.getBean(JdbcTemplate.class).queryForList(
                "SELECT IMPORT_ID FROM WEBHOOK_BATCH WHERE CAMPAIGN_ID = ? AND IMPORT_ID IS NOT NULL", Long.class, campaign);
        return importIds.isEmpty() ? java.util.Optional.empty()
                : context.getBean(ImportRepository.class).findById(importIds.get(0));
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
