package com.leadlex.importer.webhook.format;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * Our own shape, for senders we write or configure ourselves:
 * {@code {"campaign_id": "...", "contact_ids": [...], "source": "..."}}. Unlike a CRM's, this body
 * exists only to carry IDs, so one without any is malformed.
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
        if (ids.isEmpty()) {
            throw WebhookRefusedException.malformed("no contact IDs at " + source.idLocation());
        }
        return new ParsedPayload(null, null,
                List.of(new PayloadRecord(ids, JsonLocations.text(root, source.campaignLocation()))));
    }
}
