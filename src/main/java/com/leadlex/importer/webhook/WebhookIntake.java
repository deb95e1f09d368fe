package com.leadlex.importer.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.leadlex.importer.intake.CampaignIds;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.staging.EmailAddresses;
import com.leadlex.importer.webhook.auth.SalesforceOrganizations;
import com.leadlex.importer.webhook.auth.WebhookAuthenticators;
import com.leadlex.importer.webhook.format.ParsedPayload;
import com.leadlex.importer.webhook.format.PayloadRecord;
import com.leadlex.importer.webhook.format.WebhookPayloadParsers;

/**
 * The request path of a webhook, in the order that keeps it safe and cheap: authenticate the raw
 * bytes, parse, resolve each contact's campaign, then store the event and its IDs in one
 * transaction. No LeadLex call happens here; the batcher does that later, so the answer does not
 * wait on LeadLex or its quota. A record without a LeadLex ID is stored by its e-mail address, which
 * the import of its batch resolves through the contact directory like any e-mail list. A delivery with no valid contact ID is still answered 202 (a CRM
 * would only retry it), so it is made loud here instead: a WARN line, a metric, its invalid count
 * in the answer and in the events API.
 */
@Component
public class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_DELIVERY_ID = 200;
    private static final int MAX_EMAIL = 320;

    private final WebhookProperties properties;
    private final WebhookAuthenticators authenticators;
    private final WebhookPayloadParsers parsers;
    private final WebhookEventRepository events;
    private final WebhookMeters meters;

    public WebhookIntake(WebhookProperties properties, WebhookAuthenticators authenticators,
            WebhookPayloadParsers parsers, WebhookEventRepository events, WebhookMeters meters) {
        this.meters = meters;
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
        String deliveryId = signedDeliveryId.or(() -> Optional.ofNullable(payload.deliveryId()))
                .or(() -> Optional.ofNullable(source.deliveryIdHeader()).map(request::header))
                .map(WebhookIntake::bounded)
                .orElseGet(() -> DeliveryIds.ofBody(request.body()));
        // a Standard Webhooks message is one record, named by its signed message ID
        String messageId = signedDeliveryId.map(id -> bounded("message:" + id)).orElse(null);
        List<ReceivedRecord> records = new ArrayList<>(payload.records().size());
        for (PayloadRecord record : payload.records()) {
            String recordId = record.recordId() == null ? messageId : bounded(record.recordId());
            records.add(validated(record, recordId, source));
        }
        NewWebhookEvent event = new NewWebhookEvent(request.sourceName(), deliveryId, source.format(),
                DeliveryIds.sha256Hex(request.body()), records);
        StoredEvent stored = events.store(event);
        if (stored.duplicate()) {
            log.info("Webhook {}: delivery {} was already stored as event {}; acknowledged, nothing added",
                    request.sourceName(), deliveryId, stored.eventId());
        } else if (stored.contactIds() == 0) {
            meters.deliveryWithoutValidIds(request.sourceName());
            log.warn("Webhook {}: event {} (delivery {}) brought no valid contact ID: {} value(s) at {} that are not "
                    + "contact IDs (UUIDs), or at {} (for records without an ID) that are not e-mail addresses; "
                    + "nothing will be imported. Check the source's id-location and email-location and the CRM "
                    + "fields mapped to them", request.sourceName(), stored.eventId(), deliveryId, stored.invalidIds(),
                    source.idLocation(), source.emailLocation());
        } else {
            log.debug("Webhook {}: event {} stored with {} contact ID(s){}{}", request.sourceName(),
                    stored.eventId(), stored.contactIds(), stored.invalidIds() > 0
                            ? ", " + stored.invalidIds() + " value(s) that are not contact IDs" : "",
                    stored.recordsAlreadyReceived() > 0 ? ", " + stored.recordsAlreadyReceived()
                            + " record(s) already received in an earlier delivery left out" : "");
        }
        return stored;
    }

    /**
     * The record's valid contact IDs; a record without any value at the ID location goes by its e-mail
     * addresses instead (normalized, resolved by the import). Values that are neither count as invalid.
     */
    private static ReceivedRecord validated(PayloadRecord record, String recordId, WebhookSource source) {
        boolean byEmail = record.contactIds().isEmpty();
        if (byEmail && record.emails().isEmpty()) {
            return new ReceivedRecord(recordId, List.of(), 0);
        }
        String campaign = campaignOf(record, source);
        List<ContactReference> contacts = new ArrayList<>();
        int invalid = 0;
        for (String raw : byEmail ? record.emails() : record.contactIds()) {
            String value = byEmail ? EmailAddresses.normalize(raw) : raw.strip().toLowerCase(Locale.ROOT);
            if (byEmail && EmailAddresses.isValid(value) && value.length() <= MAX_EMAIL) {
                contacts.add(ContactReference.byEmail(campaign, value));
            } else if (!byEmail && UUID.matcher(value).matches()) {
                contacts.add(ContactReference.byId(campaign, value));
            } else {
                invalid++;
            }
        }
        return new ReceivedRecord(recordId, contacts, invalid);
    }

    /** An ID short enough for its column; a longer one is named by its hash. */
    private static String bounded(String id) {
        return id.length() <= MAX_DELIVERY_ID ? id : DeliveryIds.ofParts("long", List.of(id));
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
