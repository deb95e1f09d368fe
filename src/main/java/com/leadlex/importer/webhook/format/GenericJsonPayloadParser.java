package com.leadlex.importer.webhook.format;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * Our own shape, for senders we write or configure ourselves:
 * {@code {"campaign_id": "...", "contact_ids": [...], "emails": [...], "source": "..."}} (IDs, or
 * e-mail addresses for contacts without one). Unlike a CRM's, this body exists only to carry contacts,
 * so one without any is malformed.
 */
@Component
public class GenericJsonPayloadParser implements WebhookPayloadParser {

    @Override
    public WebhookFormat format() {
        return WebhookFormat.GENERIC_JSON;
    }

    @Override
    public ParsedPayload parse(byte[] body, WebhookSource source) {
        JsonNode root = JsonLocations.read(body);
        if (!root.isObject()) {
            throw WebhookRefusedException.malformed("expected a JSON object with contact_ids");
        }
        List<String> ids = JsonLocations.values(root, source.idLocation());
        List<String> emails = JsonLocations.addresses(root, source.emailLocation());
        if (ids.isEmpty() && emails.isEmpty()) {
            throw WebhookRefusedException.malformed("no contact IDs at " + source.idLocation()
                    + " and no e-mail addresses at " + source.emailLocation());
        }
        return new ParsedPayload(null, null, List.of(new PayloadRecord(ids, emails,
                JsonLocations.text(root, source.campaignLocation()), null)));
    }
}
