package com.leadlex.importer.webhook.format;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import com.leadlex.importer.webhook.DeliveryIds;
import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * HubSpot's two shapes. A workflow "send a webhook" action posts one object, the enrolled
 * contact ({@code {"vid": ..., "properties": {"leadlex_id": {"value": "..."}}}}): one record. A
 * webhook subscription posts an array of events ({@code eventId}, {@code objectId},
 * {@code propertyName}, {@code propertyValue}, ...): one record per event, and the delivery is
 * named by its event IDs, which a retry keeps (its {@code attemptNumber} changes, its body too); each
 * event is also a record of its own by its event ID, since a retry may batch old events with new ones.
 * A contact without the LeadLex ID property goes by its {@code email} property ({@code email-location},
 * {@code /properties/email} by default); one without either is not an error: HubSpot would only retry it.
 */
@Component
public class HubSpotPayloadParser implements WebhookPayloadParser {

    @Override
    public WebhookFormat format() {
        return WebhookFormat.HUBSPOT;
    }

    @Override
    public ParsedPayload parse(byte[] body, WebhookSource source) {
        JsonNode root = JsonLocations.read(body);
        if (root.isObject()) {
            return new ParsedPayload(null, null, List.of(record(root, source, null)));
        }
        if (!root.isArray()) {
            throw WebhookRefusedException.malformed("expected a HubSpot contact object or an array of events");
        }
        List<PayloadRecord> records = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (JsonNode event : root) {
            if (!event.isObject()) {
                throw WebhookRefusedException.malformed("element " + records.size() + " of the event array is not an object");
            }
            JsonNode eventId = event.get("eventId");
            boolean named = eventId != null && eventId.isValueNode() && !eventId.asString().isBlank();
            if (named) {
                eventIds.add(eventId.asString());
            }
            records.add(record(event, source, named ? "hubspot-event:" + eventId.asString() : null));
        }
        String deliveryId = !eventIds.isEmpty() && eventIds.size() == records.size()
                ? DeliveryIds.ofParts("hubspot-events", eventIds) : null;
        return new ParsedPayload(deliveryId, null, records);
    }

    private static PayloadRecord record(JsonNode node, WebhookSource source, String recordId) {
        return new PayloadRecord(JsonLocations.values(node, source.idLocation()),
                JsonLocations.addresses(node, source.emailLocation()), JsonLocations.text(node, source.campaignLocation()),
                recordId);
    }
}
