package com.leadlex.importer.webhook.format;

import com.leadlex.importer.webhook.WebhookFormat;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookSource;

/** Reads one CRM's payload shape; what is where comes from the source's configured locations. */
public interface WebhookPayloadParser {

    WebhookFormat format();

    /** @throws WebhookRefusedException with 400 and the reason when the body is not this format */
    ParsedPayload parse(byte[] body, WebhookSource source);
}
