package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.webhook.format.GenericJsonPayloadParser;
import com.leadlex.importer.webhook.format.HubSpotPayloadParser;
import com.leadlex.importer.webhook.format.ParsedPayload;
import com.leadlex.importer.webhook.format.PayloadRecord;
import com.leadlex.importer.webhook.format.PipedriveV2PayloadParser;
import com.leadlex.importer.webhook.format.SalesforceOutboundMessageParser;

/** Each format on the real-shaped samples in samples/webhooks, and what makes a body malformed. */
class WebhookPayloadParsersTest {

    @Test
    void genericJsonTakesTheCampaignAndIdsFromTheBody() throws IOException {
        ParsedPayload parsed = new GenericJsonPayloadParser().parse(sample("generic.json"),
                source(WebhookFormat.GENERIC_JSON, null, null));

        assertThat(parsed.records()).singleElement().satisfies(record -> {
            assertThat(record.campaignId()).isEqualTo("cmp_demo");
            assertThat(record.contactIds()).hasSize(3);
        });
        assertThatThrownBy(() -> new GenericJsonPayloadParser().parse(bytes("{\"campaign_id\":\"c\"}"),
                source(WebhookFormat.GENERIC_JSON, null, null))).hasMessageContaining("no contact IDs at /contact_ids");
        assertThatThrownBy(() -> new GenericJsonPayloadParser().parse(bytes("{\"contact_ids\": ["),
                source(WebhookFormat.GENERIC_JSON, null, null))).hasMessageContaining("not valid JSON");
    }

    @Test
    void hubspotWorkflowBodyIsOneContactAndAnEventArrayIsNamedByItsEventIdsWhateverTheAttempt()
            throws IOException {
        ParsedPayload workflow = new HubSpotPayloadParser().parse(sample("hubspot-workflow.json"),
                source(WebhookFormat.HUBSPOT, null, "cmp_x"));
        assertThat(workflow.records()).extracting(PayloadRecord::contactIds)
                .containsExactly(java.util.List.of("5b7e2c1a-9f3d-4e8b-a6c2-7d1e0f9a8b3c"));

        WebhookSource events = source(WebhookFormat.HUBSPOT, "/propertyValue", "cmp_x");
        ParsedPayload first = new HubSpotPayloadParser().parse(sample("hubspot-events.json"), events);
        ParsedPayload retry = new HubSpotPayloadParser().parse(bytes(new String(sample("hubspot-events.json"),
                StandardCharsets.UTF_8).replace("\"attemptNumber\":0", "\"attemptNumber\":1")), events);
        assertThat(first.records()).hasSize(2);
        assertThat(first.deliveryId()).startsWith("hubspot-events:").isEqualTo(retry.deliveryId());
        assertThat(first.records()).extracting(PayloadRecord::recordId)
                .containsExactly("hubspot-event:1887354190", "hubspot-event:1887354191");
        assertThat(workflow.records()).extracting(PayloadRecord::recordId).containsOnlyNulls();
    }

    @Test
    void salesforceReadsEveryNotificationAndTheOrganizationAndRefusesDoctypes() throws IOException {
        ParsedPayload parsed = new SalesforceOutboundMessageParser().parse(sample("salesforce-outbound.xml"),
                source(WebhookFormat.SALESFORCE_OUTBOUND, null, "cmp_x"));

        assertThat(parsed.organizationId()).isEqualTo("00D5e000000KQ2eEAG");
        assertThat(parsed.records()).flatExtracting(PayloadRecord::contactIds).containsExactly(
                "7c6b5a49-3827-4d1c-b0a9-f8e7d6c5b4a3", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        assertThat(parsed.deliveryId()).startsWith("salesforce:");
        assertThat(parsed.records()).extracting(PayloadRecord::recordId).containsExactly(
                "salesforce-notification:04l5e00000Gx7QzAAJ", "salesforce-notification:04l5e00000Gx7R0AAJ");
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>";
        assertThatThrownBy(() -> new SalesforceOutboundMessageParser().parse(bytes(withEntity),
                source(WebhookFormat.SALESFORCE_OUTBOUND, null, "cmp_x"))).isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("not well-formed XML");
        StringBuilder many = new StringBuilder("<n:notifications xmlns:n=\"http://soap.sforce.com/2005/09/outbound\">");
        for (int i = 0; i < 101; i++) {
            many.append("<n:Notification><n:Id>").append(i).append("</n:Id><n:sObject/></n:Notification>");
        }
        assertThatThrownBy(() -> new SalesforceOutboundMessageParser().parse(bytes(many + "</n:notifications>"),
                source(WebhookFormat.SALESFORCE_OUTBOUND, null, "cmp_x"))).hasMessageContaining("more than 100");
    }

    @Test
    void pipedriveV2IsNamedByItsEventIdAndAV1PayloadIsRefusedWithTheFix() throws IOException {
        ParsedPayload parsed = new PipedriveV2PayloadParser().parse(sample("pipedrive-v2.json"),
                source(WebhookFormat.PIPEDRIVE_V2, null, "cmp_x"));

        assertThat(parsed.deliveryId()).isEqualTo("pipedrive:0d9b7f4e-3c2a-4e1b-8f6d-5a4c3b2e1f0a");
        assertThat(parsed.records()).extracting(PayloadRecord::recordId).containsExactly(parsed.deliveryId());
        assertThat(parsed.records()).flatExtracting(PayloadRecord::contactIds)
                .containsExactly("9e8d7c6b-5a49-4382-a716-0f1e2d3c4b5a");
        assertThatThrownBy(() -> new PipedriveV2PayloadParser().parse(bytes("{\"v\":1,\"meta\":{\"v\":1,\"id\":7}}"),
                source(WebhookFormat.PIPEDRIVE_V2, null, "cmp_x"))).hasMessageContaining("version 2.0");
    }

    private static WebhookSource source(WebhookFormat format, String idLocation, String campaign) {
        return new WebhookSource(format, WebhookAuthKind.BASIC, "s", "u", campaign, null, idLocation, null, null,
                null, null, null);
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("samples/webhooks", name));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
