package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * "Acknowledged" means durable: every webhook event answered 202 is still there after the process
 * is killed with {@code kill -9} right after the last answer. A CRM does not resend an event it
 * saw acknowledged, so one lost here is lost for good.
 */
@Tag(TestDatabase.TAG)
class WebhookKillEndToEndTest {

    private static final String SECRET = "kill-test-secret";

    @TempDir
    Path workDir;

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable());
    }

    @Test
    void everyEventAnswered202SurvivesAKillRightAfterTheAnswer() throws SQLException {
        List<String> settings = settings();
        try (ImporterProcess importer = ImporterProcess.start(workDir, settings)) {
            WebhookHttp http = new WebhookHttp(importer.port());
            for (int i = 0; i < 20; i++) {
                String body = WebhookHttp.genericBody("cmp_wh_kill", List.of(UUID.randomUUID().toString()));
                assertThat(http.post("/webhooks/signed-json", body, "Content-Type", "application/json",
                        "X-Delivery-Id", "kill-" + i, "X-LeadLex-Signature", IndependentSigner.bodyHmac(SECRET, body))
                        .statusCode()).isEqualTo(202);
            }
            importer.kill();
        }

        try (ConfigurableApplicationContext restarted = StandaloneImporter.start(workDir, null,
                settings.toArray(String[]::new))) {
            List<String> kept = restarted.getBean(JdbcTemplate.class).queryForList(
                    "SELECT DELIVERY_ID FROM WEBHOOK_EVENT WHERE DELIVERY_ID LIKE 'kill-%'", String.class);
            assertThat(kept).as("events acknowledged before the kill").hasSize(20);
        }
    }

    private static List<String> settings() throws SQLException {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.api-key=wbk_sandbox_pro",
                "--leadlex.sandbox.campaigns=cmp_wh_kill",
                "--importer.webhooks.max-wait=1h",
                "--importer.webhooks.sources.signed-json.format=generic-json",
                "--importer.webhooks.sources.signed-json.auth=body-hmac",
                "--importer.webhooks.sources.signed-json.secret=" + SECRET,
                "--importer.webhooks.sources.signed-json.delivery-id-header=X-Delivery-Id"));
        settings.addAll(TestDatabase.arguments());
        return settings;
    }
}
