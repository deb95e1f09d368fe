package com.leadlex.importer.webhook.auth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/** Picks the authenticator a source declares. */
@Component
public class WebhookAuthenticators {

    private final Map<WebhookAuthKind, WebhookAuthenticator> byKind = new EnumMap<>(WebhookAuthKind.class);

    public WebhookAuthenticators(List<WebhookAuthenticator> authenticators) {
        authenticators.forEach(authenticator -> byKind.put(authenticator.kind(), authenticator));
    }

    /** @see WebhookAuthenticator#verify */
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        WebhookAuthenticator authenticator = byKind.get(source.auth());
        if (authenticator == null) {
            throw new IllegalStateException("no authenticator for " + source.auth());
        }
        return authenticator.verify(request, source);
    }
}
