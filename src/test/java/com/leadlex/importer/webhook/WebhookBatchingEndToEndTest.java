package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.TestDatabase;

/**
 * What webhooks cost in LeadLex requests: single-contact events are batched into full chunks per
 * campaign, a resent delivery is neither stored nor enrolled twice, and events are still taken in
 * (202) while LeadLex has no quota left, because nothing on the request path calls it.
 */
@Tag(TestDatabase.TAG)
class WebhookBatchingEndToEndTest extends WebhookEndToEndTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    WebhookBatchRepository batches;

    @Test
    void aThousandSingleContactEventsForOneCampaignCostTwoLeadLexRequestsNotAThousand() {
        sandbox.createCampaign("cmp_wh_thousand");
        List<String> ids = newIds(1_000);

        for (int i = 0; i < ids.size(); i++) {
            String body = WebhookHttp.genericBody("cmp_wh_thousand", List.of(ids.get(i)));
            HttpResponse<String> response = http.post("/webhooks/signed-json", body,
                    bodyHmacHeaders("thousand-" + i, body, BODY_SECRET));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> importsOf("cmp_wh_thousand").size() == 2
                && importsOf("cmp_wh_thousand").stream().allMatch(i -> i.status() == ImportStatus.COMPLETED));
        assertThat(requestsFor("cmp_wh_thousand")).extracting(ReceivedRequest::contactCount).containsExactly(500, 500);
        assertThat(sandbox.enrolledCount("cmp_wh_thousand")).isEqualTo(1_000);

        List<ImportRecord> imports = importsOf("cmp_wh_thousand");
        HttpResponse<String> behindFirst = http.get("/api/imports/" + imports.get(0).id() + "/events");
        assertThat(behindFirst.statusCode()).isEqualTo(200);
        assertThat(events.findByImport(imports.get(0).id())).hasSize(500)
                .allSatisfy(event -> assertThat(event.importIds()).containsExactly(imports.get(0).id()));
        assertThat(events.findByImport(imports.get(1).id())).hasSize(500);
        assertThat(behindFirst.body()).contains("\"deliveryId\":\"thousand-0\"", "\"source\":\"signed-json\"");
    }

    @Test
    void aResentDeliveryIsAcknowledgedButNeitherStoredNorEnrolledTwiceAndAStaleResendIsRefused() {
        sandbox.createCampaign("cmp_wh_resend");
        List<String> ids = newIds(2);
        String body = WebhookHttp.genericBody("cmp_wh_resend", ids);
        String[] headers = standardHeaders("msg_resend_1", body, STANDARD_SECRET, nowSeconds());

        HttpResponse<String> first = http.post("/webhooks/standard", body, headers);
        HttpResponse<String> again = http.post("/webhooks/standard", body, headers);
        String pipedrive = pipedriveEvent(ids.get(0), 1);
        HttpResponse<String> pipedriveFirst = http.post("/webhooks/pipedrive", pipedrive,
                "Authorization", IndependentSigner.basic("pipedrive", PIPEDRIVE_PASSWORD));
        HttpResponse<String> pipedriveRetry = http.post("/webhooks/pipedrive", pipedriveEvent(ids.get(0), 2),
                "Authorization", IndependentSigner.basic("pipedrive", PIPEDRIVE_PASSWORD));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(WebhookHttp.eventId(again)).isEqualTo(WebhookHttp.eventId(first));
        assertThat(WebhookHttp.eventId(pipedriveRetry)).isEqualTo(WebhookHttp.eventId(pipedriveFirst));
        assertThat(pipedriveRetry.body()).contains("\"duplicate\":true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = 'cmp_wh_resend'",
                Integer.class)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(6));
        assertThat(http.post("/webhooks/standard", body, headers).statusCode()).as("outside the 5-minute tolerance")
                .isEqualTo(401);

        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf("cmp_wh_resend").size() == 1
                && importsOf("cmp_wh_resend").get(0).status() == ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_wh_resend")).extracting(ReceivedRequest::contactCount).containsExactly(2);
        ImportRecord imported = importsOf("cmp_wh_resend").get(0);
        assertThat(imported.validIds()).isEqualTo(2);
        assertThat(imported.duplicateRows()).isZero();
        assertThat(summaries.describe(imported).added()).isEqualTo(2);
    }

    @Test
    void eventsAreTakenInWhileLeadLexHasNoQuotaLeftBecauseTheAnswerNeverWaitsForLeadLex() {
        sandbox.createCampaign("cmp_wh_quota");
        sandbox.failNext(20, ScriptedFault.rateLimited(Duration.ofHours(3)));
        String full = WebhookHttp.genericBody("cmp_wh_quota", newIds(500));
        assertThat(http.post("/webhooks/signed-json", full, bodyHmacHeaders("quota-1", full, BODY_SECRET))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf("cmp_wh_quota").size() == 1
                && importsOf("cmp_wh_quota").get(0).status() == ImportStatus.PAUSED);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String one = WebhookHttp.genericBody("cmp_wh_quota", newIds(1));
            statuses.add(http.post("/webhooks/signed-json", one, bodyHmacHeaders("quota-more-" + i, one, BODY_SECRET))
                    .statusCode());
        }

        assertThat(statuses).containsOnly(202);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = 'cmp_wh_quota' "
                + "AND BATCH_ID IS NULL", Integer.class)).as("stored, waiting for a batch").isEqualTo(20);
    }

    @Test
    void pollersClaimingTheSameCampaignAtOnceNeverTakeAnIdTwice() throws Exception {
        sandbox.createCampaign("cmp_wh_concurrent");
        for (int i = 0; i < 10; i++) {
            String body = WebhookHttp.genericBody("cmp_wh_concurrent", newIds(100));
            assertThat(http.post("/webhooks/signed-json", body, bodyHmacHeaders("concurrent-" + i, body, BODY_SECRET))
                    .statusCode()).isEqualTo(202);
        }

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> batches.claim("cmp_wh_concurrent", 150, 1)));
            }
            for (var claim : claims) {
                claim.get();
            }
        } finally {
            pool.shutdown();
        }

        // A claimer that meets locked rows skips them: what it leaves is taken by a later claim (ours, or
        // the application's own batcher, which may hold some rows locked at this very moment).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            while (batches.claim("cmp_wh_concurrent", 150, 1).isPresent()) {
                // claim until nothing is free
            }
            return jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CAMPAIGN_ID = 'cmp_wh_concurrent' "
                    + "AND BATCH_ID IS NULL", Integer.class) == 0;
        });
        assertThat(jdbc.queryForObject("SELECT SUM(ID_COUNT) FROM WEBHOOK_BATCH WHERE CAMPAIGN_ID = 'cmp_wh_concurrent'",
                Integer.class)).as("every ID in exactly one batch").isEqualTo(1_000);
        assertThat(jdbc.queryForList("SELECT B.ID FROM WEBHOOK_BATCH B WHERE B.CAMPAIGN_ID = 'cmp_wh_concurrent' AND "
                + "B.ID_COUNT <> (SELECT COUNT(*) FROM WEBHOOK_CONTACT C WHERE C.BATCH_ID = B.ID)", Long.class)).isEmpty();
    }

    private List<ImportRecord> importsOf(String campaign) {
        return jdbc.queryForList("SELECT IMPORT_ID FROM WEBHOOK_BATCH WHERE CAMPAIGN_ID = ? AND IMPORT_ID IS NOT NULL "
                + "ORDER BY ID", Long.class, campaign).stream().map(id -> imports.findById(id).orElseThrow()).toList();
    }

    private static String pipedriveEvent(String contactId, int attempt) {
        return "{\"meta\":{\"action\":\"change\",\"entity\":\"person\",\"entity_id\":\"42\",\"id\":\"evt-resend-1\","
                + "\"version\":\"2.0\",\"attempt\":" + attempt + "},\"data\":{\"id\":42,\"custom_fields\":"
                + "{\"leadlex_id\":{\"type\":\"varchar\",\"value\":\"" + contactId + "\"}}},\"previous\":null}";
    }
}
