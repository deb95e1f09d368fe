package com.leadlex.importer.webhook.format;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * Pipedrive webhooks v2: {@code {"meta": {"id", "action", "entity", "entity_id", "version": "2.0",
 * "attempt", ...}, "data": {...}, "previous": {...}}}. {@code meta.id} names the event and stays the
 * same across Pipedrive's retries, so it is the delivery ID. Custom fields sit in
 * {@code data.custom_fields}; a person without the LeadLex ID field goes by its primary address
 * ({@code data.emails[]}, the one marked {@code primary}); a delete event has {@code data: null} and
 * brings neither.
 */
@Component
public class PipedriveV2PayloadParser implements WebhookPayloadParser {

    @Override
    public WebhookFormat format() {
        return WebhookFormat.PIPEDRIVE_V2;
    }

    @Override
    public ParsedPayload parse(byte[] body, WebhookSource source) {
        JsonNode root = JsonLocations.read(body);
        JsonNode meta = root.isObject() ? root.get("meta") : null;
        if (meta == null || !meta.isObject()) {
            throw WebhookRefusedException.malformed("not a Pipedrive webhook: no meta object");
        }
        JsonNode version = meta.get("version");
        if (version == null || !version.asString().startsWith("2")) {
            throw WebhookRefusedException.malformed("not a Pipedrive webhooks v2 payload (meta.version is "
                    + (version == null ? "missing" : version.asString()) + "): create the webhook with version 2.0");
        }
        JsonNode id = meta.get("id");
        if (id == null || !id.isValueNode() || id.asString().isBlank()) {
            throw WebhookRefusedException.malformed("the Pipedrive webhook has no meta.id");
        }
        PayloadRecord record = new PayloadRecord(JsonLocations.values(root, source.idLocation()),
                JsonLocations.addresses(root, source.emailLocation()), JsonLocations.text(root, source.campaignLocation()),
                "pipedrive:" + id.asString());
        return new ParsedPayload(record.recordId(), null, List.of(record));
    }
}
