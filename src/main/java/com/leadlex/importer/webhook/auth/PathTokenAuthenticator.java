package com.leadlex.importer.webhook.auth;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * A secret token as the last path segment ({@code /webhooks/salesforce/<token>}): Salesforce
 * outbound messages carry no signature, so the URL is the secret, and the organization ID in the
 * message is checked against {@code organization-ids} once parsed (see
 * {@link SalesforceOrganizations}).
 */
@Component
public class PathTokenAuthenticator implements WebhookAuthenticator {

    @Override
    public WebhookAuthKind kind() {
        return WebhookAuthKind.PATH_TOKEN;
    }

    @Override
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        if (!source.hasSecret()) {
            throw WebhookRefusedException.unauthorized("source has no path token configured");
        }
        if (!Hmac.sameSecret(source.secret(), request.pathToken())) {
            throw WebhookRefusedException.unauthorized("path token does not match");
        }
        return Optional.empty();
    }
}
