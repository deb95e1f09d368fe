package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.micrometer.core.instrument.MeterRegistry;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.pool.PooledContactRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.TestDatabase;

/**
 * What webhooks cost in LeadLex requests: single-contact events are batched into full chunks per
 * campaign, a resent delivery (or a resent record in a new envelope) is neither stored nor enrolled
 * twice, and events are still taken in (202) while LeadLex has no quota left, because nothing on the
 * request path calls it. And nothing new is swallowed: a new delivery is sent even when an earlier
 * one brought the same IDs, and one with no valid ID is answered but made loud.
 */
@Tag(TestDatabase.TAG)
class WebhookBatchingEndToEndTest extends WebhookEndToEndTestBase {

    @Autowired
    PooledContactRepository batches;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRecordWithOnlyAnEmailAddressIsResolvedAndEnrolled() {
        sandbox.createCampaign("cmp_wh_email");
        com.leadlex.importer.sandbox.SandboxContact known = com.leadlex.importer.sandbox.SeededContacts.number(42);
        String body = "{\"campaign_id\":\"cmp_wh_email\",\"emails\":[\" "
                + known.email().toUpperCase(java.util.Locale.ROOT) + "\"],\"source\":\"test\"}";

        HttpResponse<String> response = http.post("/webhooks/signed-json", body,
                bodyHmacHeaders("email-only-1", body, BODY_SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf("cmp_wh_email").size() == 1
                && importsOf("cmp_wh_email").get(0).status() == ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_wh_email")).extracting(ReceivedRequest::contactCount).containsExactly(1);
        assertThat(sandbox.isEnrolled("cmp_wh_email", known.id().toString())).isTrue();
        assertThat(sandbox.enrolledCount("cmp_wh_email")).isEqualTo(1);
    }

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

    @Test
    void aNewDeliveryWithTheIdsOfAnEarlierCompletedBatchIsSentAgain() {
        // a contact removed from the campaign in LeadLex, then pushed again by the CRM: the new delivery means it
        sandbox.createCampaign("cmp_wh_again");
        List<String> ids = newIds(2);
        String body = WebhookHttp.genericBody("cmp_wh_again", ids);
        assertThat(http.post("/webhooks/signed-json", body, bodyHmacHeaders("again-1", body, BODY_SECRET))
                .statusCode()).isEqualTo(202);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf("cmp_wh_again").size() == 1
                && importsOf("cmp_wh_again").get(0).status() == ImportStatus.COMPLETED);

        assertThat(http.post("/webhooks/signed-json", body, bodyHmacHeaders("again-2", body, BODY_SECRET))
                .statusCode()).isEqualTo(202);
        clock.advance(Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> importsOf("cmp_wh_again").size() == 2
                && importsOf("cmp_wh_again").get(1).status().isFinal());
        assertThat(importsOf("cmp_wh_again")).extracting(ImportRecord::status)
                .containsExactly(ImportStatus.COMPLETED, ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_wh_again")).extracting(ReceivedRequest::contactCount).containsExactly(2, 2);
    }

    @Test
    void aRetriedEnvelopeMixingAnOldAndANewRecordStoresAndSendsOnlyTheNewOne() {
        String old = newIds(1).get(0);
        String added = newIds(1).get(0);
        String first = hubspotEvents(List.of(7001L), List.of(old), 0);
        String retry = hubspotEvents(List.of(7001L, 7002L), List.of(old, added), 1);
        String sfOld = newIds(1).get(0);
        String sfAdded = newIds(1).get(0);
        String sfFirst = salesforceNotifications(List.of("04l5e00000MixA1AAJ"), List.of(sfOld));
        String sfRetry = salesforceNotifications(List.of("04l5e00000MixA1AAJ", "04l5e00000MixA2AAJ"),
                List.of(sfOld, sfAdded));
        assertThat(http.post("/webhooks/hubspot-events", first,
                hubspotHeaders("/webhooks/hubspot-events", first, HUBSPOT_SECRET, nowMillis())).statusCode())
                .isEqualTo(202);
        assertThat(postSalesforce(sfFirst).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> importOfContact(old) != null
                && importOfContact(sfOld) != null);

        HttpResponse<String> retried = http.post("/webhooks/hubspot-events", retry,
                hubspotHeaders("/webhooks/hubspot-events", retry, HUBSPOT_SECRET, nowMillis()));
        HttpResponse<String> sfRetried = postSalesforce(sfRetry);

        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.body()).contains("\"duplicate\":false", "\"contactIds\":1",
                "\"recordsAlreadyReceived\":1");
        assertThat(sfRetried.statusCode()).isEqualTo(200);
        for (String id : List.of(old, added, sfOld, sfAdded)) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM WEBHOOK_CONTACT WHERE CONTACT_ID = ?", Integer.class,
                    id)).as("rows for %s", id).isEqualTo(1);
        }
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> importOfContact(added) != null
                && importOfContact(sfAdded) != null);
        // the old records' contacts went with the first imports only: the new ones carry the new records alone
        assertThat(importOfContact(added)).isNotEqualTo(importOfContact(old));
        assertThat(importOfContact(sfAdded)).isNotEqualTo(importOfContact(sfOld));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aDeliveryWithNoValidIdIsAnswered202WithItsInvalidCountAndIsWarnedCountedAndShown(CapturedOutput output) {
        double before = withoutIdsCount();
        String body = WebhookHttp.genericBody("cmp_wh_mismapped", List.of("0035e00000ZkM3hAAF", "grace@example.com"));

        HttpResponse<String> response = http.post("/webhooks/signed-json", body,
                bodyHmacHeaders("mismapped-1", body, BODY_SECRET));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"contactIds\":0", "\"invalidIds\":2");
        long eventId = WebhookHttp.eventId(response);
        assertThat(output.getOut()).containsPattern("WARN .*Webhook signed-json: event " + eventId
                + " \\(delivery mismapped-1\\) brought no valid contact ID: 2 value\\(s\\)");
        assertThat(withoutIdsCount()).isEqualTo(before + 1);
        HttpResponse<String> shown = http.get("/api/webhooks/events/" + eventId);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"invalidCount\":2", "\"contactCount\":0");
    }

    private double withoutIdsCount() {
        var counter = meters.find(WebhookMeters.WITHOUT_IDS).tag("source", "signed-json").counter();
        return counter == null ? 0 : counter.count();
    }

    private Long importOfContact(String contactId) {
        List<Long> found = jdbc.queryForList("SELECT B.IMPORT_ID FROM WEBHOOK_CONTACT C JOIN WEBHOOK_BATCH B "
                + "ON C.BATCH_ID = B.ID WHERE C.CONTACT_ID = ? AND B.IMPORT_ID IS NOT NULL", Long.class, contactId);
        return found.isEmpty() ? null : found.get(0);
    }

    private HttpResponse<String> postSalesforce(String body) {
        return http.post("/webhooks/salesforce/" + SALESFORCE_TOKEN, body, "Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "\"\"");
    }

    /** A HubSpot subscription delivery: one propertyChange event per ID, as HubSpot batches them. */
    private static String hubspotEvents(List<Long> eventIds, List<String> contactIds, int attempt) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < eventIds.size(); i++) {
            events.add("{\"eventId\":" + eventIds.get(i) + ",\"subscriptionId\":2410077,\"portalId\":62515,"
                    + "\"subscriptionType\":\"contact.propertyChange\",\"attemptNumber\":" + attempt
                    + ",\"objectId\":" + (1200 + i) + ",\"propertyName\":\"leadlex_id\",\"propertyValue\":\""
                    + contactIds.get(i) + "\"}");
        }
        return "[" + String.join(",", events) + "]";
    }

    /** A Salesforce outbound message with one Notification per (notification ID, contact ID). */
    private static String salesforceNotifications(List<String> notificationIds, List<String> contactIds) {
        StringBuilder notifications = new StringBuilder();
        for (int i = 0; i < notificationIds.size(); i++) {
            notifications.append("<Notification><Id>").append(notificationIds.get(i)).append("</Id>")
                    .append("<sObject xsi:type=\"sf:Contact\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">")
                    .append("<sf:LeadLex_Id__c>").append(contactIds.get(i)).append("</sf:LeadLex_Id__c></sObject>")
                    .append("</Notification>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
                + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>"
                + "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + "<OrganizationId>00D5e000000KQ2eEAG</OrganizationId><ActionId>04k5e000000CaRkAAK</ActionId>"
                + notifications + "</notifications></soapenv:Body></soapenv:Envelope>";
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
