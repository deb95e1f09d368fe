package com.leadlex.importer.webhook;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.leadlex.importer.intake.CampaignIds;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.webhook.auth.SalesforceOrganizations;
import com.leadlex.importer.webhook.auth.WebhookAuthenticators;
import com.leadlex.importer.webhook.format.ParsedPayload;
import com.leadlex.importer.webhook.format.PayloadRecord;
import com.leadlex.importer.webhook.format.WebhookPayloadParsers;

/**
 * The request path of a webhook, in the order that keeps it safe and cheap: authenticate the raw
 * bytes, parse, resolve each contact's campaign, then store the event and its IDs in one
 * transaction. No LeadLex call happens here; the batcher does that later, so the answer does not
 * wait on LeadLex or its quota.
 */
@Component
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_DELIVERY_ID = 200;

    private final WebhookProperties properties;
    private final WebhookAuthenticators authenticators;
    private final WebhookPayloadParsers parsers;
    private final WebhookEventRepository events;

    public WebhookIntake(WebhookProperties properties, WebhookAuthenticators authenticators,
            WebhookPayloadParsers parsers, WebhookEventRepository events) {
        this.properties = properties;
        this.authenticators = authenticators;
        this.parsers = parsers;
        this.events = events;
    }

    /** The source named in the path; 404 when there is none (or a token is given where none is used). */
    public WebhookSource source(String name, String pathToken) {
        WebhookSource source = properties.sources().get(name);
        if (source == null || (pathToken != null && source.auth() != WebhookAuthKind.PATH_TOKEN)) {
            throw new WebhookRefusedException(HttpStatus.NOT_FOUND, "no webhook source " + name,
                    "no webhook source " + name);
        }
        return source;
    }

    /** @throws WebhookRefusedException when the call is refused; then nothing was stored */
    public StoredEvent accept(WebhookRequest request) {
        WebhookSource source = source(request.sourceName(), request.pathToken());
        Optional<String> signedDeliveryId = authenticators.verify(request, source);
        ParsedPayload payload = parsers.parse(request.body(), source);
        if (source.format() == WebhookFormat.SALESFORCE_OUTBOUND) {
            SalesforceOrganizations.requireAllowed(source, payload.organizationId());
        }
        Set<ContactReference> contacts = new LinkedHashSet<>();
        int invalid = 0;
        for (PayloadRecord record : payload.records()) {
            if (record.contactIds().isEmpty()) {
                continue;
            }
            String campaign = campaignOf(record, source);
            for (String raw : record.contactIds()) {
                String id = raw.strip().toLowerCase(Locale.ROOT);
                if (UUID.matcher(id).matches()) {
                    contacts.add(new ContactReference(campaign, id));
                } else {
                    invalid++;
                }
            }
        }
        String deliveryId = signedDeliveryId.or(() -> Optional.ofNullable(payload.deliveryId()))
                .or(() -> Optional.ofNullable(source.deliveryIdHeader()).map(request::header))
                .map(id -> id.length() <= MAX_DELIVERY_ID ? id : DeliveryIds.ofParts("long", java.util.List.of(id)))
                .orElseGet(() -> DeliveryIds.ofBody(request.body()));
        StoredEvent stored = events.store(new NewWebhookEvent(request.sourceName(), deliveryId, source.format(),
                DeliveryIds.sha256Hex(request.body()), contacts.stream().toList(), invalid));
        if (stored.duplicate()) {
            log.info("Webhook {}: delivery {} was already stored as event {}; acknowledged, nothing added",
                    request.sourceName(), deliveryId, stored.eventId());
        } else {
            log.debug("Webhook {}: event {} stored with {} contact ID(s){}", request.sourceName(), stored.eventId(),
                    contacts.size(), invalid > 0 ? ", " + invalid + " value(s) that are not contact IDs" : "");
        }
        return stored;
    }

    private static String campaignOf(PayloadRecord record, WebhookSource source) {
        String campaign = source.campaign() != null && !source.campaign().isBlank() ? source.campaign()
                : record.campaignId();
        if (campaign == null) {
            throw WebhookRefusedException.malformed("no campaign for the contact: nothing at "
                    + source.campaignLocation() + " and the source has no fixed campaign");
        }
        try {
            CampaignIds.requireValid(campaign);
        } catch (ContactListRejectedException e) {
            throw WebhookRefusedException.malformed(e.getMessage());
        }
        return campaign;
    }
}
