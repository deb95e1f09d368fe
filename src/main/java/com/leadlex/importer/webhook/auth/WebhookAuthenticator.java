package com.leadlex.importer.webhook.auth;

import java.util.Optional;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/** One way a webhook caller proves who it is; each protocol's published algorithm in one class. */
public interface WebhookAuthenticator {

    WebhookAuthKind kind();

    /**
     * Checks the call against the source's secret, on the raw bytes as received.
     *
     * @return the delivery ID the protocol's headers name (Standard Webhooks' {@code webhook-id}), if any
     * @throws WebhookRefusedException with 401 when the check fails, the secret is missing or a timestamp is stale
     */
    Optional<String> verify(WebhookRequest request, WebhookSource source);
}
