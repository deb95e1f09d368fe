package com.leadlex.importer.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;

/**
 * The whole importer with one webhook source of each kind, test secrets given as properties (in
 * production they come from the environment). Batches flush at 500 or after an hour of the manual
 * clock, so a test decides when a partial batch goes.
 */
@TestPropertySource(properties = {
        "importer.webhooks.poll-interval=100ms",
        "importer.webhooks.max-wait=1h",
        "importer.webhooks.max-body-size=64KB",
        "importer.webhooks.sources.hubspot.format=hubspot",
        "importer.webhooks.sources.hubspot.auth=hubspot-v3",
        "importer.webhooks.sources.hubspot.secret=" + WebhookEndToEndTestBase.HUBSPOT_SECRET,
        "importer.webhooks.sources.hubspot.campaign=cmp_wh_hubspot",
        "importer.webhooks.sources.hubspot-events.format=hubspot",
        "importer.webhooks.sources.hubspot-events.auth=hubspot-v3",
        "importer.webhooks.sources.hubspot-events.secret=" + WebhookEndToEndTestBase.HUBSPOT_SECRET,
        "importer.webhooks.sources.hubspot-events.campaign=cmp_wh_hubspot",
        "importer.webhooks.sources.hubspot-events.id-location=/propertyValue",
        "importer.webhooks.sources.standard.format=generic-json",
        "importer.webhooks.sources.standard.auth=standard-webhooks",
        "importer.webhooks.sources.standard.secret=" + WebhookEndToEndTestBase.STANDARD_SECRET,
        "importer.webhooks.sources.signed-json.format=generic-json",
        "importer.webhooks.sources.signed-json.auth=body-hmac",
        "importer.webhooks.sources.signed-json.secret=" + WebhookEndToEndTestBase.BODY_SECRET,
        "importer.webhooks.sources.signed-json.delivery-id-header=X-Delivery-Id",
        "importer.webhooks.sources.salesforce.format=salesforce-outbound",
        "importer.webhooks.sources.salesforce.auth=path-token",
        "importer.webhooks.sources.salesforce.secret=" + WebhookEndToEndTestBase.SALESFORCE_TOKEN,
        "importer.webhooks.sources.salesforce.organization-ids=00D5e000000KQ2eEAG",
        "importer.webhooks.sources.salesforce.campaign=cmp_wh_salesforce",
        "importer.webhooks.sources.pipedrive.format=pipedrive-v2",
        "importer.webhooks.sources.pipedrive.auth=basic",
        "importer.webhooks.sources.pipedrive.username=pipedrive",
        "importer.webhooks.sources.pipedrive.secret=" + WebhookEndToEndTestBase.PIPEDRIVE_PASSWORD,
        "importer.webhooks.sources.pipedrive.campaign=cmp_wh_pipedrive"})
abstract class WebhookEndToEndTestBase extends ImportIntegrationTest {

    static final String HUBSPOT_SECRET = "test-hubspot-client-secret";
    static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String BODY_SECRET = "test-body-hmac-secret";
    static final String SALESFORCE_TOKEN = "test-sf-path-token";
    static final String PIPEDRIVE_PASSWORD = "test-pipedrive-password";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebhookEventRepository events;

    WebhookHttp http;

    @BeforeEach
    void webhookCampaigns() {
        http = new WebhookHttp(port);
        for (String campaign : List.of("cmp_wh_hubspot", "cmp_wh_salesforce", "cmp_wh_pipedrive")) {
            sandbox.createCampaign(campaign);
        }
    }

    /** Headers HubSpot would send for {@code body} to {@code path}, signed now. */
    String[] hubspotHeaders(String path, String body, String secret, long timestampMillis) {
        String signature = IndependentSigner.hubspotV3(secret, "POST", http.url(path), body, timestampMillis);
        return new String[] {"Content-Type", "application/json", "X-HubSpot-Signature-v3", signature,
            "X-HubSpot-Request-Timestamp", String.valueOf(timestampMillis)};
    }

    String[] standardHeaders(String id, String body, String secret, long timestampSeconds) {
        return new String[] {"Content-Type", "application/json", "webhook-id", id,
            "webhook-timestamp", String.valueOf(timestampSeconds),
            "webhook-signature", IndependentSigner.standardWebhooks(secret, id, timestampSeconds, body)};
    }

    String[] bodyHmacHeaders(String deliveryId, String body, String secret) {
        return new String[] {"Content-Type", "application/json", "X-Delivery-Id", deliveryId,
            "X-LeadLex-Signature", IndependentSigner.bodyHmac(secret, body)};
    }

    long nowMillis() {
        return clock.instant().toEpochMilli();
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    int storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_EVENT", Integer.class);
    }

    int storedContacts() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT", Integer.class);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
