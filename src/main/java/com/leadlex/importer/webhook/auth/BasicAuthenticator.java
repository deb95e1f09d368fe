package com.leadlex.importer.webhook.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * HTTP Basic, which is all Pipedrive offers: it sends the {@code http_auth_user} and
 * {@code http_auth_password} set on the webhook in {@code Authorization: Basic ...}. Both parts are
 * compared in constant time.
 */
@Component
public class BasicAuthenticator implements WebhookAuthenticator {

    @Override
    public WebhookAuthKind kind() {
        return WebhookAuthKind.BASIC;
    }

    @Override
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        if (!source.hasSecret() || source.username() == null || source.username().isBlank()) {
            throw WebhookRefusedException.unauthorized("source has no username or password configured");
        }
        String header = request.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw WebhookRefusedException.unauthorized("no Basic Authorization header");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebhookRefusedException.unauthorized("unreadable Basic credentials");
        }
        int colon = credentials.indexOf(':');
        String user = colon < 0 ? credentials : credentials.substring(0, colon);
        String password = colon < 0 ? "" : credentials.substring(colon + 1);
        boolean userMatches = Hmac.sameSecret(source.username(), user);
        boolean passwordMatches = Hmac.sameSecret(source.secret(), password);
        if (!(userMatches & passwordMatches)) {
            throw WebhookRefusedException.unauthorized("Basic credentials do not match");
        }
        return Optional.empty();
    }
}
