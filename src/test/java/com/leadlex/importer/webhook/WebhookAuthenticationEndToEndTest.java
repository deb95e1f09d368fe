package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.leadlex.importer.system.TestDatabase;

/**
 * Every protocol over real HTTP: a request signed as its CRM signs it (computed here from the
 * published algorithm) is stored before the answer; forged, stale, oversized, malformed and
 * misaddressed requests get their status and leave nothing behind.
 */
@Tag(TestDatabase.TAG)
class WebhookAuthenticationEndToEndTest extends WebhookEndToEndTestBase {

    @Test
    void aCorrectlySignedRequestOfEachProtocolIsStoredBeforeItIsAnswered() throws Exception {
        String workflow = text(WebhookPayloadParsersTest.sample("hubspot-workflow.json"));
        assertStored(http.post("/webhooks/hubspot", workflow,
                hubspotHeaders("/webhooks/hubspot", workflow, HUBSPOT_SECRET, nowMillis())), 1);

        String eventArray = text(WebhookPayloadParsersTest.sample("hubspot-events.json"));
        assertStored(http.post("/webhooks/hubspot-events", eventArray,
                hubspotHeaders("/webhooks/hubspot-events", eventArray, HUBSPOT_SECRET, nowMillis())), 2);

        String generic = text(WebhookPayloadParsersTest.sample("generic.json"));
        assertStored(http.post("/webhooks/standard", generic,
                standardHeaders("msg_sample_1", generic, STANDARD_SECRET, nowSeconds())), 3);
        assertStored(http.post("/webhooks/signed-json", generic,
                bodyHmacHeaders("delivery-sample-1", generic, BODY_SECRET)), 3);

        String pipedrive = text(WebhookPayloadParsersTest.sample("pipedrive-v2.json"));
        assertStored(http.post("/webhooks/pipedrive", pipedrive, "Content-Type", "application/json",
                "Authorization", IndependentSigner.basic("pipedrive", PIPEDRIVE_PASSWORD)), 1);

        HttpResponse<String> salesforce = http.post("/webhooks/salesforce/" + SALESFORCE_TOKEN,
                WebhookPayloadParsersTest.sample("salesforce-outbound.xml"), "Content-Type", "text/xml; charset=utf-8",
                "SOAPAction", "\"\"");
        assertThat(salesforce.statusCode()).isEqualTo(200);
        assertThat(salesforce.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(salesforce.body()).contains("<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\">",
                "<Ack>true</Ack>");
        long salesforceEvent = Long.parseLong(salesforce.headers().firstValue("X-Webhook-Event-Id").orElseThrow());
        assertThat(events.findById(salesforceEvent)).hasValueSatisfying(event -> {
            assertThat(event.contactCount()).isEqualTo(2);
            assertThat(event.campaignId()).isEqualTo("cmp_wh_salesforce");
        });
    }

    @Test
    void forgedAndStaleRequestsOfEachProtocolAre401AndLeaveNothingBehind() throws Exception {
        int eventsBefore = storedEvents();
        int contactsBefore = storedContacts();
        String generic = WebhookHttp.genericBody("cmp_wh_forged", newIds(2));
        String workflow = text(WebhookPayloadParsersTest.sample("hubspot-workflow.json"));
        long sixMinutesAgoMillis = clock.instant().minusSeconds(360).toEpochMilli();

        List<HttpResponse<String>> refused = List.of(
                http.post("/webhooks/hubspot", workflow, hubspotHeaders("/webhooks/hubspot", workflow, "guess", nowMillis())),
                http.post("/webhooks/hubspot", workflow, hubspotHeaders("/webhooks/hubspot", workflow, HUBSPOT_SECRET,
                        sixMinutesAgoMillis)),
                http.post("/webhooks/hubspot", workflow + " ", hubspotHeaders("/webhooks/hubspot", workflow,
                        HUBSPOT_SECRET, nowMillis())),
                http.post("/webhooks/hubspot", workflow),
                http.post("/webhooks/standard", generic, standardHeaders("msg_forged", generic,
                        "whsec_" + java.util.Base64.getEncoder().encodeToString("a-key-the-forger-chose!!".getBytes()),
                        nowSeconds())),
                http.post("/webhooks/standard", generic, standardHeaders("msg_stale", generic, STANDARD_SECRET,
                        nowSeconds() - 360)),
                http.post("/webhooks/signed-json", generic, bodyHmacHeaders("d-forged", generic, "guess")),
                http.post("/webhooks/pipedrive", text(WebhookPayloadParsersTest.sample("pipedrive-v2.json")),
                        "Authorization", IndependentSigner.basic("pipedrive", "guess")),
                http.post("/webhooks/salesforce/wrong-token", WebhookPayloadParsersTest.sample("salesforce-outbound.xml"),
                        "Content-Type", "text/xml"),
                http.post("/webhooks/salesforce/" + SALESFORCE_TOKEN, text(WebhookPayloadParsersTest
                        .sample("salesforce-outbound.xml")).replace("00D5e000000KQ2eEAG", "00D5e000000ZZZZEAG"),
                        "Content-Type", "text/xml"));

        assertThat(refused).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(refused.get(0).body()).contains("could not be authenticated").doesNotContain(HUBSPOT_SECRET);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(storedContacts()).isEqualTo(contactsBefore);
    }

    @Test
    void unknownOversizedAndMalformedRequestsGetTheirStatusWithTheReasonAndNothingIsStored() {
        int eventsBefore = storedEvents();
        String generic = WebhookHttp.genericBody("cmp_wh_bad", newIds(1));

        assertThat(http.post("/webhooks/no-such-crm", generic).statusCode()).isEqualTo(404);
        assertThat(http.post("/webhooks/signed-json/some-token", generic,
                bodyHmacHeaders("d-404", generic, BODY_SECRET)).statusCode()).isEqualTo(404);

        String huge = WebhookHttp.genericBody("cmp_wh_bad", newIds(2_000));
        HttpResponse<String> tooLarge = http.post("/webhooks/signed-json", huge,
                bodyHmacHeaders("d-huge", huge, BODY_SECRET));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than the 65536 bytes");

        String broken = "{\"campaign_id\":\"cmp_wh_bad\",\"contact_ids\":[";
        HttpResponse<String> malformed = http.post("/webhooks/signed-json", broken,
                bodyHmacHeaders("d-broken", broken, BODY_SECRET));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON");

        String noCampaign = "{\"contact_ids\":[\"" + newIds(1).get(0) + "\"]}";
        HttpResponse<String> campaignless = http.post("/webhooks/signed-json", noCampaign,
                bodyHmacHeaders("d-nocampaign", noCampaign, BODY_SECRET));
        assertThat(campaignless.statusCode()).isEqualTo(400);
        assertThat(campaignless.body()).contains("no campaign");

        String notSoap = "<hello/>";
        HttpResponse<String> wrongXml = http.post("/webhooks/salesforce/" + SALESFORCE_TOKEN, notSoap,
                "Content-Type", "text/xml");
        assertThat(wrongXml.statusCode()).isEqualTo(400);
        assertThat(wrongXml.body()).contains("not a Salesforce outbound message");

        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private void assertStored(HttpResponse<String> response, int contactIds) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("\"duplicate\":false");
        long eventId = WebhookHttp.eventId(response);
        assertThat(events.findById(eventId)).as("committed before the answer").hasValueSatisfying(
                event -> assertThat(event.contactCount()).isEqualTo(contactIds));
    }
}
