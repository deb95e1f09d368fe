package com.leadlex.importer.webhook;

import static com.leadlex.importer.webhook.WebhookPayloadParsersTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.webhook.format.GenericJsonPayloadParser;
import com.leadlex.importer.webhook.format.HubSpotPayloadParser;
import com.leadlex.importer.webhook.format.ParsedPayload;
import com.leadlex.importer.webhook.format.PayloadRecord;
import com.leadlex.importer.webhook.format.PipedriveV2PayloadParser;
import com.leadlex.importer.webhook.format.SalesforceOutboundMessageParser;

/**
 * Each CRM format also reads the contact's e-mail address, where that CRM keeps it, for records
 * without a LeadLex ID: HubSpot's {@code properties.email}, Salesforce's {@code Email}, Pipedrive's
 * primary entry of {@code emails[]}, our own {@code emails}; a source may point elsewhere.
 */
class WebhookEmailPayloadsTest {

    @Test
    void hubspotReadsTheEmailPropertyOfAContactWithoutTheLeadLexId() throws IOException {
        String withoutId = text("hubspot-workflow.json").replace("\"leadlex_id\"", "\"crm_ref\"");

        ParsedPayload parsed = new HubSpotPayloadParser().parse(bytes(withoutId), source(WebhookFormat.HUBSPOT, null));

        assertThat(withoutId).doesNotContain("leadlex_id");
        assertThat(parsed.records()).singleElement().satisfies(record -> {
            assertThat(record.contactIds()).isEmpty();
            assertThat(record.emails()).containsExactly("ada.lovelace@example.com");
        });
    }

    @Test
    void hubspotEventsCanCarryTheAddressWhereTheSourceSays() throws IOException {
        WebhookSource emailEvents = new WebhookSource(WebhookFormat.HUBSPOT, WebhookAuthKind.BASIC, "s", "u", "cmp_x",
                null, "/leadlexId", null, null, null, null, null, "/propertyValue");

        ParsedPayload parsed = new HubSpotPayloadParser().parse(bytes("[{\"eventId\": 1, \"objectId\": 7, "
                + "\"propertyName\": \"email\", \"propertyValue\": \"Ada@Example.com\"}]"), emailEvents);

        assertThat(parsed.records()).flatExtracting(PayloadRecord::emails).containsExactly("Ada@Example.com");
        assertThat(parsed.records()).flatExtracting(PayloadRecord::contactIds).isEmpty();
    }

    @Test
    void salesforceReadsTheEmailFieldOfEachNotification() throws IOException {
        ParsedPayload parsed = new SalesforceOutboundMessageParser().parse(sample("salesforce-outbound.xml"),
                source(WebhookFormat.SALESFORCE_OUTBOUND, "cmp_x"));

        assertThat(parsed.records()).extracting(PayloadRecord::emails).containsExactly(
                List.of("grace.hopper@example.com"), List.of("katherine.johnson@example.com"));
    }

    @Test
    void pipedriveTakesThePrimaryAddressOfAPerson() throws IOException {
        String twoAddresses = text("pipedrive-v2.json").replace(
                "\"emails\":[{\"label\":\"work\",\"value\":\"margaret.hamilton@example.com\",\"primary\":true}]",
                "\"emails\":[{\"label\":\"home\",\"value\":\"maggie@example.org\",\"primary\":false},"
                        + "{\"label\":\"work\",\"value\":\"margaret.hamilton@example.com\",\"primary\":true}]");

        ParsedPayload parsed = new PipedriveV2PayloadParser().parse(bytes(twoAddresses),
                source(WebhookFormat.PIPEDRIVE_V2, "cmp_x"));
        ParsedPayload noPrimary = new PipedriveV2PayloadParser().parse(bytes(twoAddresses.replace("true", "false")),
                source(WebhookFormat.PIPEDRIVE_V2, "cmp_x"));

        assertThat(twoAddresses).contains("maggie@example.org");
        assertThat(parsed.records()).flatExtracting(PayloadRecord::emails).containsExactly("margaret.hamilton@example.com");
        assertThat(noPrimary.records()).as("none primary: the first").flatExtracting(PayloadRecord::emails)
                .containsExactly("maggie@example.org");
    }

    @Test
    void ourOwnShapeTakesAddressesInsteadOfIdsAndNeedsOneOrTheOther() {
        WebhookSource generic = source(WebhookFormat.GENERIC_JSON, null);

        ParsedPayload parsed = new GenericJsonPayloadParser().parse(
                bytes("{\"campaign_id\": \"cmp_x\", \"emails\": [\"a@example.com\", \"b@example.com\"]}"), generic);

        assertThat(parsed.records()).singleElement().satisfies(record -> {
            assertThat(record.emails()).containsExactly("a@example.com", "b@example.com");
            assertThat(record.campaignId()).isEqualTo("cmp_x");
        });
        assertThatThrownBy(() -> new GenericJsonPayloadParser().parse(bytes("{\"campaign_id\": \"c\"}"), generic))
                .hasMessageContaining("no contact IDs at /contact_ids and no e-mail addresses at /emails");
    }

    private static WebhookSource source(WebhookFormat format, String campaign) {
        return new WebhookSource(format, WebhookAuthKind.BASIC, "s", "u", campaign, null, null, null, null, null, null,
                null);
    }

    private static String text(String sample) throws IOException {
        return new String(sample(sample), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
